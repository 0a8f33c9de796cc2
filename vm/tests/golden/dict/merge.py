a = {"x": 1}
b = {"y": 2, "x": 3}
c = dict(a)
c.update(b)
print(c, dict(a, **b))
