# a sensor register block read and written through a descriptor, in both byte orders
import uctypes
REGS = {
    "status": uctypes.UINT8 | 0,
    "temp": uctypes.INT16 | 1,
    "count": uctypes.UINT32 | 3,
    "big": uctypes.UINT64 | 7,
    "ready": uctypes.BFUINT8 | 0 | 0 << uctypes.BF_POS | 1 << uctypes.BF_LEN,
    "mode": uctypes.BFUINT8 | 0 | 4 << uctypes.BF_POS | 3 << uctypes.BF_LEN,
}
buf = bytearray(16)
for layout in (uctypes.LITTLE_ENDIAN, uctypes.BIG_ENDIAN):
    r = uctypes.struct(uctypes.addressof(buf), REGS, layout)
    r.status = 0x51
    r.temp = -300
    r.count = 0x1234567890  # truncated to 32 bits, as C stores it
    r.big = 1 << 40
    print(r.status, r.temp, hex(r.count), r.big, r.ready, r.mode, buf)
    r.mode = 2
    print(r.mode, r.status, r.ready)
print(uctypes.sizeof(REGS, uctypes.LITTLE_ENDIAN), uctypes.sizeof(REGS), uctypes.sizeof(buf))
