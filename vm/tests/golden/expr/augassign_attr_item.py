class C: pass
c = C()
c.x = 1
c.x += 5
d = {"k": [1]}
d["k"] += [2]
l = [1, 2]
l[0] -= 10
print(c.x, d, l)
