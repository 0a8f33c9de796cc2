def g():
    try:
        yield 1
    finally:
        print("fin")
for x in g():
    print(x)
    break
print("after break")
it = g()
next(it)
del it
print("end")
