reg = 0b1010
reg |= 1 << 3
reg &= ~0b10
reg ^= 0xF0
print(bin(reg), hex(reg), reg >> 2, (reg >> 4) & 0xF, "{:08b}".format(reg), "{:04X}".format(reg))
value = 0x1234
hi, lo = value >> 8, value & 0xFF
print(hi, lo, (hi << 8) | lo == value, hex(~value & 0xFFFF))
def bit_count(n):
    c = 0
    while n:
        c += n & 1
        n >>= 1
    return c
print([bit_count(x) for x in [0, 1, 255, 1023, 0xDEAD]])
print(-1 & 0xFFFFFFFF, 1 << 31, (1 << 32) - 1, 0x7FFFFFFF + 1, -(1 << 31))
