for x in [1, 5, 10]:
    if x < 3:
        print("small")
    elif x < 7:
        print("medium")
    else:
        print("large")
