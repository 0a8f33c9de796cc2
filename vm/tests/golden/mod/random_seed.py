import random
random.seed(42)
a = [random.randint(1, 100) for _ in range(5)]
random.seed(42)
b = [random.randint(1, 100) for _ in range(5)]
print(a == b, all(1 <= x <= 100 for x in a), 0 <= random.random() < 1, random.choice([7]), random.getrandbits(1) in (0, 1))
