a, *b = [1, 2, 3]
*c, d = (4, 5)
[e, f] = "ef"
(g, h), i = [1, 2], 3
print(a, b, c, d, e, f, g, h, i)
