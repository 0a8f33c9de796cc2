class C:
    __slots__ = ()
C().x = 1
import sys; sys.exit(None)
raise SystemExit("bye")
raise StopIteration
raise GeneratorExit
raise ValueError from None
try: raise KeyError
except (ValueError, 5): pass
assert 0, [1, 2]
