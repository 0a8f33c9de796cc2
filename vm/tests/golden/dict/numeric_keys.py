d = {1: "int", 1.0: "float", True: "bool"}
print(d, len(d))
d2 = {}
d2[2] = "a"
print(d2[2.0], 2.0 in d2)
