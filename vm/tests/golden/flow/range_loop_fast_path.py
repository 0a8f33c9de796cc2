s = 0
for i in range(10):
    if i == 3:
        continue
    if i == 8:
        break
    s += i
print(s, i)
for j in range(10, 0, -3):
    print(j, end=" ")
print()
for k in range(0):
    pass
else:
    print("empty else")
for k in range(5):
    if k == 2:
        break
else:
    print("no")
print(k)
for x in [1, 2]:
    print("list", x)
def f():
    t = 0
    for i in range(1000):
        t += i
    return t
print(f())
