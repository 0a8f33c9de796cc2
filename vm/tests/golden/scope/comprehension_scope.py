x = 10
r = [x for x in range(3)]
print(r, x)
class K:
    v = 5
    l = [i for i in range(3)]
print(K.l)
