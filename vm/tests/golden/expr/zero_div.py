try:
    1/0
except ZeroDivisionError as e:
    print("int", e)
try:
    1.0/0
except ZeroDivisionError as e:
    print("float", e)
try:
    5 % 0
except ZeroDivisionError as e:
    print("mod", e)
1//0
