import cmath
for s in ['1+j', '1-j', '+j', '-j', 'inf+nanj', '1e5', '2.5e-3j', 'j1', '1+2', '(1+2j)', '1 + 2j', 'nanj']:
    try: print(repr(s), complex(s))
    except Exception as e: print(repr(s), type(e).__name__, e)
