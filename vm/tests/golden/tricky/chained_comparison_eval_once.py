calls = []
def f(x):
    calls.append(x)
    return x
print(f(1) < f(2) < f(3), calls)
calls.clear()
print(f(3) < f(2) < f(1), calls)
