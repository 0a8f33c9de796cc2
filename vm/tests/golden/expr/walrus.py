if (n := 10) > 5:
    print(n)
print([y for x in range(3) if (y := x*2) > 0], y)
