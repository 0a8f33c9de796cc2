groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
for k in sorted(groups):
    print(k, len(groups[k]), ", ".join(groups[k]))
inverted = {v: k for k, vs in groups.items() for v in vs}
print(inverted["banana"], len(inverted))
