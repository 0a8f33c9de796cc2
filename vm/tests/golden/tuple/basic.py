t = (1, 2, 3)
print(t, len(t), t[1], t[-1], t[1:], t + (4,), t * 2, (1,), (), t.index(2), t.count(1), 2 in t)
