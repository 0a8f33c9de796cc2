# golden: manual (the WebAssembly build crashes on this; a board writes a bytearray to write())
# json.dump into a user io.IOBase stream calls its write() with the text as a bytearray
import io, json
class Sink(io.IOBase):
    def __init__(self):
        self.parts = []
    def write(self, b):
        self.parts.append(b)
        return len(b)
s = Sink()
json.dump([123, {"a": None}], s)
print(type(s.parts[0]), b"".join(s.parts))
print(isinstance(s, io.IOBase))
