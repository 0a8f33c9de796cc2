# A dict with 10**5 keys: inserts, lookups, updates, deletes.
d = {}
for i in range(100000):
    d["k" + str(i)] = i
total = 0
for i in range(0, 100000, 3):
    total += d["k" + str(i)]
for i in range(0, 100000, 2):
    d["k" + str(i)] += 1
for i in range(0, 100000, 5):
    del d["k" + str(i)]
print(len(d), total, sum(d.values()))
