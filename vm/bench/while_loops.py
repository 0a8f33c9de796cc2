# Module-level while loops with globals.
i = 0
total = 0
while i < 300000:
    j = i % 7
    while j > 0:
        total += j
        j -= 1
    i += 1
print(total)
