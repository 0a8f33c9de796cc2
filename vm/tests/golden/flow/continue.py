for i in range(6):
    if i % 2:
        continue
    print(i)
j = 0
while j < 5:
    j += 1
    if j == 3:
        continue
    print("j", j)
