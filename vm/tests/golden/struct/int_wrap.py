# MicroPython truncates out-of-range integers to the field size instead of raising.
import struct
print(struct.pack('b', 200), struct.pack('B', -1), struct.pack('B', 256))
print(struct.pack('h', 70000), struct.pack('<i', 2**40), struct.pack('<I', -1))
print(struct.pack('<q', 2**64), struct.pack('<Q', -1), struct.pack('<b', 2**100))
print(struct.pack('<I', True))
