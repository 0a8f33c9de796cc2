def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
def doubled(it):
    for x in it:
        yield x * 2
print(list(doubled(evens(range(10)))))
