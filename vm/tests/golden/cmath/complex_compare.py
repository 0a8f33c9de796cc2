z = 1+2j
print(z == 1+2j, z != 1, 1+0j == 1, 2j == 2j, z == 'a', z != 1+2j)
try:
    z < z
except TypeError as e:
    print('TypeError', e)
