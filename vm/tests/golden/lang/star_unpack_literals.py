a = [1, 2]
print([*a], [*range(3)], [0, *a])
