# Big-integer arithmetic: factorial(500), repeated.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
s = 0
for k in range(30):
    s += fact(500) % 1000000007
print(s, len(str(fact(500))))
