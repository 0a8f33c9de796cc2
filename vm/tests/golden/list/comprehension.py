print([x * 2 for x in range(5)], [x for x in range(10) if x % 3 == 0], [(x, y) for x in range(3) for y in range(x)], [[y for y in range(x)] for x in range(4)])
