# Sorting 2*10**5 pseudo-random ints.
x = 12345
data = []
for i in range(200000):
    x = (x * 1103515245 + 12345) % 2147483648
    data.append(x % 1000000)
data.sort()
print(data[0], data[100000], data[-1], sum(data[:1000]))
