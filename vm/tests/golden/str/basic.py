s = "hello"
print(len(s), s[0], s[-1], s[1:3], s * 2, s + "!", s.upper(), s[-3:], s[:-1])
