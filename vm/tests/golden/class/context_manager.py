class CM:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.name == "swallow"
with CM("a") as c:
    print("body", c.name)
with CM("swallow"):
    raise ValueError("x")
print("after")
with CM("b"), CM("c"):
    print("two")
with CM("raise"):
    raise KeyError("k")
