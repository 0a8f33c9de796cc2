import random
random.seed(5)
print([random.randrange(10) for _ in range(8)])
print([random.randrange(2, 10) for _ in range(5)])
print([random.randrange(2, 10, 3) for _ in range(5)], [random.randrange(10, 1, -3) for _ in range(5)])
for args in [(0,), (5, 1), (1, 10, 0), (1, 10, -1), (-5,), (2**40,)]:
    try:
        print(random.randrange(*args))
    except Exception as e:
        print(args, type(e).__name__, repr(e.args))
