count = 0
total = 0
n = 1
while n < 1000:
    if n % 3 == 0 or n % 5 == 0:
        total += n
        count += 1
    n += 1
print(count, total)
