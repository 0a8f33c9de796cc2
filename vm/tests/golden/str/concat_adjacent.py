print("abc" "def", "x" 'y', ("multi"
 "line"))
