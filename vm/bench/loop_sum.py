# A long for loop whose sum passes 2**53 (small ints overflow into big ints).
s = 0
for i in range(1000000):
    s += i * 20000000003
print(s, s > 2**53)
