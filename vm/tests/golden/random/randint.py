import random
random.seed(3)
print([random.randint(1, 6) for _ in range(10)])
print(random.randint(5, 5), random.randint(-10, -5), random.randint(0, 2**31 - 1))
for args in [(5, 1), (1.5, 2), (0, 2**40)]:
    try:
        print(random.randint(*args))
    except Exception as e:
        print(args, type(e).__name__, e)
