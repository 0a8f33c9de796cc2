for f in [lambda: [][1], lambda: {}["x"]]:
    try:
        f()
    except LookupError as e:
        print(type(e).__name__, repr(e))
