sq = lambda x: x * x
add = lambda a, b=1: a + b
print(sq(4), add(1), add(1, 2), (lambda: 42)(), list(map(lambda x: x + 1, [1, 2])), sorted([3, 1, 2], key=lambda x: -x))
