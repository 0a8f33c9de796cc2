def f(x: int = 5, *a: str, k: float = 1.0, **kw: dict) -> int:
    return x
y: int = 3
z: list
print(f(), y)
