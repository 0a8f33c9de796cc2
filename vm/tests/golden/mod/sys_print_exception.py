import sys
try:
    1/0
except Exception as e:
    sys.print_exception(e)
print("after")
