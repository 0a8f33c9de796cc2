total = 0
for i in range(100000):
    total += i % 7
print(total)
