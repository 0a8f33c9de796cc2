class CM:
    def __enter__(self): return self
    def __exit__(self, *a): print("exit")
def f():
    with CM():
        return "r"
print(f())
