import ustruct
import struct
print(ustruct.pack('<H', 258), ustruct.unpack('<H', b'\x02\x01'))
print(sorted(k for k in dir(struct) if not k.startswith('_')))
