def outer():
    a = 1
    b = 2
    def inner():
        nonlocal a, b
        a, b = b, a + b
    for _ in range(5):
        inner()
    return a, b
print(outer())
