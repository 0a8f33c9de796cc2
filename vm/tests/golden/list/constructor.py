print(list(), list("ab"), list(range(3)), list((1, 2)), list({1: 2, 3: 4}), list(x for x in [5, 6]))
