class C:
    count = 0
    def __init__(self):
        C.count += 1
C(); C()
print(C.count, C().count)
c = C()
c.count = 100
print(c.count, C.count)
