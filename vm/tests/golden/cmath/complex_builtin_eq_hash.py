# complex is a builtin (no cmath import, no j literal needed first); a complex without an
# imaginary part equals the int/float of the same value and is the same dict/set key
import sys

print(complex(1, 2), complex, isinstance(complex(3), complex), complex.__name__)
print("cmath" in sys.modules)


def t(s):
    try:
        print(s, "->", eval(s))
    except Exception as e:
        print(s, "->", type(e).__name__, e)


for s in [
    "1 == complex(1, 0)", "complex(1, 0) == 1", "1 != complex(1)", "complex(1) != 1", "1.0 == complex(1)",
    "complex(1) == 1.0", "1.5 == complex(1.5)", "complex(1.5) == 1.5", "True == complex(1)", "complex(0) == False",
    "2**70 == complex(2**70)", "complex(2**70) == 2**70", "1 == complex(1, 1)", "-0.0 == complex(0, -0.0)",
    "complex(float('nan')) == complex(float('nan'))", "complex(1) == None", "complex(1) == 'x'", "complex(1) == [1]",
    "[complex(1)] == [1]", "(1, complex(2)) == (1, 2)", "1 in [complex(1)]", "complex(1) in {1: 0}", "1 in {complex(1)}",
    "hash(complex(1)) == hash(1)", "hash(complex(-1)) == hash(-1)", "hash(complex(0)) == hash(0)", "hash(complex(1, 2))",
    "hash(complex(0, 1))", "hash(complex(0, -3))",
    "{1: 'a'}[complex(1)]", "{complex(1): 'a'}[1]", "{complex(2): 'a'}[2.0]", "{complex(1, 2): 'x'}[complex(1, 2)]",
    "len({1, complex(1), 1.0, True})", "len({complex(1, 2), complex(1, 2)})", "len({(1, complex(1)), (1, 1)})",
    "complex(1) < complex(2)", "1 < complex(1)",
]:
    t(s)
d = {}
d[1] = "int"
d[complex(1)] = "complex"
d[1.0] = "float"
print(d)
print({complex(1, 2): 1, complex(3, 4): 2, 5: 3, complex(0, 7): 4, complex(-2, 1): 5})
print(set([complex(0, 1), complex(0, 2), complex(0, 3), complex(1, 1), complex(2.5, -1)]))
