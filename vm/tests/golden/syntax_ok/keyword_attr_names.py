class C: pass
c = C()
c.match = 1
c.case = 2
c.type = 3
print(c.match + c.case + c.type)
