import array
a = array.array("i", [1, 2, 3])
a.append(4)
print(a, len(a), a[1], list(a), sum(a))
b = array.array("B", b"AB")
print(b, bytes(b))
