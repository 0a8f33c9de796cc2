l = [1, 2, 3, 4]
for x in l:
    if x == 2:
        l.remove(x)
print(l)
l2 = [1, 2, 3]
for i, x in enumerate(l2):
    l2[i] = x * 10
print(l2)
