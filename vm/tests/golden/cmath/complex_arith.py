z = 1+2j
print(z * z, z / (1-1j), z + 1, z - 1.5, 1 - z, 2 * z, z * True, 1.5 / z)
print(-z, +z, 1j * 1j, z * 2**70, (2+3j) - (2+3j))
w = 1+1j
w += 2
w *= 1j
print(w)
