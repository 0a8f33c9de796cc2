def f():
    try:
        print("try")
        return "ret"
    finally:
        print("finally")
print(f())
try:
    try:
        raise ValueError(1)
    finally:
        print("cleanup")
except ValueError as e:
    print("outer", e)
