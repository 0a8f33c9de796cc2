x = 1
def f():
    global x
    x = 2
def g():
    return x
f()
print(x, g())
def h():
    global newvar
    newvar = "made"
h()
print(newvar)
