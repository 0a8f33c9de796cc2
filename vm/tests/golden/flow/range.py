print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)), len(range(0, 100, 7)), range(5)[2], range(10)[::2], range(3, 9)[-1])
print(range(5), range(1, 10, 2))
