import random
random.seed(7)
print(random.uniform(1, 2), random.uniform(-1, 1), random.uniform(2, 1), random.uniform(0, 0))
print(random.uniform(1.5, 2.5))
