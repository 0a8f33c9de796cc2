# an unknown @micropython.X decorator is a compile-time SyntaxError
print('never printed')
@micropython.turbo
def f():
    pass
