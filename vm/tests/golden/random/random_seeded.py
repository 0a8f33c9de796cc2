import random
random.seed(1)
print(random.random(), random.random())
print([random.random() for _ in range(3)])
