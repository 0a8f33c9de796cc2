a = 1
print("a" in globals(), globals()["a"])
import math
print("sqrt" in dir(math), "append" in dir([]), "__init__" in dir(object))
