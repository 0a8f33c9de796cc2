import random
random.seed(2**40 + 3)
a = random.getrandbits(32)
random.seed(3)
print(a == random.getrandbits(32))
random.seed(-1)
print(random.getrandbits(32))
random.seed(True)
print(random.getrandbits(16))
try:
    random.seed('a')
except TypeError as e:
    print('TypeError', e)
