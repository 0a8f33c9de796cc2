# range() takes no keywords; frozenset operations give frozensets
for make in (lambda: range(**{'end': 1}), lambda: range(0, 1, **{'step': 1}), lambda: range(end=1)):
    try:
        make()
    except TypeError as e:
        print('TypeError', e)
f = frozenset({1, 2, 3, 4})
print(type(f.copy()), type(f.difference({1})), type(f.union({5})), type(f - {1}), type(f | {5}))
