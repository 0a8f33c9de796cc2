print(eval("1 + 2 * 3"))
exec("z = 5\nprint(z * 2)")
print(z)
ns = {}
exec("a = 1", ns)
print(ns["a"])
print(eval("x + 1", {"x": 10}))
