m = [[1, 2], [3, 4]]
t = [[row[i] for row in m] for i in range(2)]
print(t, [sum(r) for r in m], sum(sum(r) for r in m))
