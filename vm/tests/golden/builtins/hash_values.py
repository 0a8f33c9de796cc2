# hash() gives MicroPython's values: small ints (31 bits, signed) on a 32-bit port
print(hash(0), hash(1), hash(-1), hash(True), hash(False), hash(None))
print(hash(2**30 - 1), hash(2**30), hash(-2**30), hash(-2**30 - 1), hash(2**31 - 1), hash(-2**31), hash(2**40), hash(-2**70 - 5))
# float: (mp_int_t)val, saturating
print(hash(1.5), hash(-1.5), hash(0.1), hash(-0.0), hash(1e10), hash(-1e10), hash(1e300), hash(float('inf')), hash(float('-inf')), hash(float('nan')))
print(hash(2.0), hash(2.0) == hash(2), hash(1073741824.0), hash(2147483647.0))
print(hash(1 + 2j), hash(1.5 + 2.5j), hash(3 + 0j))
# str and bytes: djb2 over the UTF-8 bytes, 16 bits
print(hash('a'), hash(''), hash('hello'), hash('é'), hash('€😀'), hash('a' * 100))
print(hash(b'a'), hash(b''), hash(b'hello'), hash(b'\xff' * 50), hash('abc') == hash(b'abc'))
# tuples and frozensets add up their items' hashes
print(hash((1,)) - hash(()), hash((1, 2)) - hash(()), hash(('a', 1.5)) - hash(()), hash((None,)) - hash(()), hash(((),)) - 2 * hash(()))
print(hash(frozenset([1])) - hash(frozenset()), hash(frozenset(['a', 'b'])) - hash(frozenset()))
# types that are not hashable
for x in [[], {}, set(), bytearray(), range(3)]:
    try:
        hash(x)
    except TypeError as e:
        print(e)
# a user __hash__ is truncated to a small int; its result must be an int
class H:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
print(hash(H(5)), hash(H(2**40 + 7)), hash(H(True)), hash(H(-1)))
try:
    hash(H(1.5))
except TypeError as e:
    print(e)
# equal hashes do not make equal keys: __eq__ decides
class K:
    def __init__(self, n): self.n = n
    def __hash__(self): return 1
    def __eq__(self, o): return isinstance(o, K) and self.n == o.n
d = {K(1): 'a', K(2): 'b', K(1): 'c'}
print(len(d), sorted(d.values()), K(2) in d, K(3) in d)
s = {K(1), K(2), K(2)}
print(len(s))
print(len({H(0): 1, H(2**40): 2}))
# hashes place keys in MicroPython's order
print({None: 1, 0: 2, 6: 3, 7: 4, 5: 5})
print({2**30: 1, 0: 2, 1: 3, -1: 4, 2**31: 5})
print({1.5: 1, 0.5: 2, 2.5: 3, 7.25: 4, 100.0: 5, 3.75: 6, 1e10: 7})
print({(1,): 1, (2,): 2, (): 3, (1, 2): 4, ('x', None): 5})
print({frozenset([1]): 1, frozenset([2]): 2, frozenset(): 3, 'x': 4})
