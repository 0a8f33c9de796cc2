def make():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    return add
f = make()
f(1); f(2)
print(f(3))
