try:
    try:
        raise KeyError(1)
    except ValueError:
        print("no")
except KeyError as e:
    print("outer got", e)
try:
    try:
        raise KeyError(1)
    except KeyError:
        raise ValueError(2)
except ValueError as e:
    print("replaced", e)
