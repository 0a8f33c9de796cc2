def bar():
    return 1/0
x = max(1,
        bar())
