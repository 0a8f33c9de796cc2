import urandom
urandom.seed(9)
print(urandom.getrandbits(10), urandom.randint(1, 100))
