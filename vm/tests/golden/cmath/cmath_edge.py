import cmath
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: cmath.log(0))
t(lambda: cmath.sqrt('a'))
t(lambda: cmath.sqrt())
t(lambda: cmath.phase(0))
t(lambda: cmath.sqrt(0))
t(lambda: cmath.exp(1000))
t(lambda: cmath.log10(0))
t(lambda: cmath.rect(1, 2, 3))
t(lambda: cmath.rect(1, 1j))
t(lambda: cmath.exp(None))
