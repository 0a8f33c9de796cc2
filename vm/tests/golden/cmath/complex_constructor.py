print(complex(), complex(1), complex(1, 2), complex(1.5), complex(True, 2), complex(1+2j), complex(1+2j, 1j))
print(complex('1+2j'), complex('j'), complex('-2.5j'), complex(' 3 '), complex('1e3-1e-3j'))
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: complex('abc'))
t(lambda: complex('1', 2))
t(lambda: complex(None))
t(lambda: complex(1, 2, 3))
