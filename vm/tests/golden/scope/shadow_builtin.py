def len(x):
    return 42
print(len([1, 2]))
del len
print(len([1, 2]))
list = [1]
print(list)
