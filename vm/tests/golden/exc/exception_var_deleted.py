try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as n:
    print("gone", n)
