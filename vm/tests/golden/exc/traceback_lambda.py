g = lambda x: x.foo
g(1)
