print(repr(1), repr("a'b"), repr([1, "x"]), repr((1,)), repr({1: "a"}), repr(None), repr(True), repr(1.5), repr(b"x\n"), repr(bytearray(b"ab")), repr(range(3)))
