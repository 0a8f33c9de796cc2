MAX = 10
def check(v):
    return v < MAX
print(check(5), check(15))
