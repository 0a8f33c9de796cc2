s = 0
for i in range(100):
    s = s * 3 + i
print(s)
