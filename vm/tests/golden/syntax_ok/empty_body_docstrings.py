def f():
    """doc"""
class C:
    "doc"
print(f(), C.__name__)
