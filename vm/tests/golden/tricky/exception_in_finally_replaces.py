try:
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")
except Exception as e:
    print(type(e).__name__, e)
