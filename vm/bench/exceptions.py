# 10**5 exceptions raised and caught.
def check(i):
    if i % 2:
        raise ValueError(i)
    raise KeyError(i)
n = 0
for i in range(100000):
    try:
        check(i)
    except ValueError:
        n += 1
    except KeyError:
        n += 2
print(n)
