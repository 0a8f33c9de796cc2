x = 3
print("big" if x > 2 else "small", "a" if 0 else "b" if 1 else "c")
