for c in "abc":
    print(c, end=" ")
print()
print(list("hey"), tuple("ab"))
