n = 0
def a():
    def b():
        global n
        n += 1
    b(); b()
a()
print(n)
