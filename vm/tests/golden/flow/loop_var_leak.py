for i in range(3):
    pass
print(i)
x = [j for j in range(3)]
try:
    print(j)
except NameError as e:
    print("NameError", e)
