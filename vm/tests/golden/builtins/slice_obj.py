s = [0, 1, 2, 3, 4, 5]
print(s[1:5:2], s[slice(1, 3)] if False else s[1:3])
