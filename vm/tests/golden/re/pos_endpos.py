# match/search honour pos and endpos, clamped; $ matches at endpos
import re
r = re.compile("o")
print(r.search("hello", 0, 4), r.search("hello", 2, 5).group(0), r.search("hello", 4, 2), r.search("hello", 9), r.search("hello", -3).group(0))
print(re.compile("l").match("hello", 2, 3).group(0), re.compile("l+").search("hello", 1, 4).group(0), re.compile("h").match("hello", 1))
print(re.compile("l+$").search("hello", 0, 4).group(0))
