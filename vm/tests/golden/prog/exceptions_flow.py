def parse(v):
    try:
        n = int(v)
    except ValueError:
        print("bad", repr(v))
        return None
    else:
        print("good", n)
        return n
    finally:
        print("done", v)
print([parse(x) for x in ["1", "x", "3"]])
def risky(n):
    if n == 0:
        raise ZeroDivisionError("zero!")
    return 10 / n
for n in [2, 0]:
    try:
        print(risky(n))
    except ArithmeticError as e:
        print("arith", e)
