vals = [3j, 1+1j, -2]
print(vals, tuple(vals), sum([1j, 2j, 3]), [z * 2 for z in vals])
print({'k': 1j}, abs(sum(vals)))
