it = iter([1, 2])
print(next(it), next(it), next(it, "d"))
try:
    next(it)
except StopIteration:
    print("stop")
print(list(iter([3, 4])))
