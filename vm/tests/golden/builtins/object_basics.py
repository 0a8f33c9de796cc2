o = object()
print(type(o).__name__, o == o, o != object(), str(o)[:8])
