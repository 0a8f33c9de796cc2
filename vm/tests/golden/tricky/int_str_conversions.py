print(str(10**20), int(str(2**70)), repr(-0), str(-5), int("-0"), float(10**20), int(1e20), 10**20 == int(1e20))
