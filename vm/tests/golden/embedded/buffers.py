buf = bytearray(8)
buf[0] = 0xAB
buf[1:3] = b"\x01\x02"
mv = memoryview(buf)
mv[4] = 99
print(buf, len(buf), list(buf[:5]), bytes(mv[1:3]), buf.hex())
import struct
packet = struct.pack("<BHf", 7, 1000, 21.5)
print(packet, len(packet))
kind, count, temp = struct.unpack("<BHf", packet)
print(kind, count, temp)
data = bytes([0x10, 0x20, 0x30])
checksum = sum(data) & 0xFF
print(hex(checksum), data[::-1] if False else data, data.decode("ascii", "ignore") == "\x10\x20\x30")
