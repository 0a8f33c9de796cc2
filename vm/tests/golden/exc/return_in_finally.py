def f():
    try:
        raise ValueError
    finally:
        return "swallowed"
print(f())
