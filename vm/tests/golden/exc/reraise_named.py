def f():
    try:
        [][0]
    except IndexError as e:
        raise e
f()
