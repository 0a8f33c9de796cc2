x = 1
del x
try:
    x
except NameError as e:
    print(e)
l = [1, 2, 3]
del l[0], l[0]
print(l)
