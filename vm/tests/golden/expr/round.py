print(round(2.5), round(3.5), round(-2.5), round(1.23456, 2), round(1234, -2), round(7), round(0.5), round(1.5))
