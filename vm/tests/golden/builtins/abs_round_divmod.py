print(abs(-3), round(3.14159, 3), round(-1.5), divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2, 10, 1000))
