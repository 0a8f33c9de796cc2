import micropython
from micropython import const
X = const(5)
print(X, micropython.opt_level())
