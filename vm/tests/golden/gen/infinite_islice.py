def nat():
    n = 0
    while True:
        yield n
        n += 1
out = []
for v in nat():
    if v > 5:
        break
    out.append(v)
print(out)
