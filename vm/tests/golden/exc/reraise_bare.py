try:
    int("x")
except ValueError:
    print("handling")
    raise
