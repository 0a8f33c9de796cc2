# golden: manual (the MicroPython WebAssembly build has unicode strings disabled; boards have them)
s = "héllo wörld €"
print(len(s), s[1], s[-1], s.upper(), ord("€"), chr(8364), "😀" * 2, len("😀"), "a😀b"[1], "a😀b"[2])
print(repr("é"), ["é"])
