# Unseeded values differ per run; only their ranges are checked.
import random
print(random.seed(), random.seed(None))
ok = True
for _ in range(200):
    ok = ok and 0 <= random.random() < 1 and 1 <= random.randint(1, 6) <= 6 and random.randrange(3, 9, 2) in (3, 5, 7)
    ok = ok and 0 <= random.getrandbits(4) < 16 and 2.0 <= random.uniform(2, 3) <= 3.0
print(ok)
