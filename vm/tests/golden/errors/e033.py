x = 5; x.foo = 1
