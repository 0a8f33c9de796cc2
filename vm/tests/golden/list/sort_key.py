words = ["banana", "Apple", "cherry", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
l = [(1, "b"), (0, "z"), (1, "a")]
l.sort()
print(l)
l.sort(key=lambda p: p[1], reverse=True)
print(l)
