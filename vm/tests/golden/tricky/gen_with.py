class CM:
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit", a[0]); return False
def g():
    with CM():
        yield 1
        yield 2
print(list(g()))
