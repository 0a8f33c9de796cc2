try:
    assert 1 + 1 == 3, "math"
except AssertionError as e:
    print("A", e)
assert False
