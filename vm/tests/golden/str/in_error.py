1 in "abc"
