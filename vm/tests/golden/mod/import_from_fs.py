with open("helper_mod.py", "w") as f:
    f.write("X = 42\ndef twice(v):\n    return v * 2\ndef bad():\n    return 1 / 0\n")
import helper_mod
print(helper_mod.X, helper_mod.twice(21), helper_mod.__name__)
from helper_mod import twice
print(twice("ab"))
import sys
print("helper_mod" in sys.modules)
helper_mod.bad()
