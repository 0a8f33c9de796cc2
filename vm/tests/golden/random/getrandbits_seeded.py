import random
random.seed(42)
print([random.getrandbits(8) for _ in range(5)], random.getrandbits(32), random.getrandbits(0))
random.seed(42)
print([random.getrandbits(8) for _ in range(5)])
print([random.getrandbits(n) for n in (1, 7, 16, 31, 32)])
