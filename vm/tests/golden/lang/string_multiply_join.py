print("-" * 20)
print("=".join(["a"] * 3))
print(" | ".join(str(i) for i in range(4)))
