# MicroPython strings count code points; case and whitespace rules cover ASCII only
s = "héllo wörld €"
print(len(s), s[1], s[-1], s.upper(), ord("€"), chr(8364), "😀" * 2, len("😀"), "a😀b"[1], "a😀b"[2])
print(repr("é"), ["é"])
print('ßéÉ'.upper(), 'ÉAb'.lower(), 'abc'.upper(), 'ABC'.lower())
print('\xa0'.isspace(), ' \t\n\x0b\x0c\r'.isspace(), 'a\xa0b'.split(), ' a b '.split(None, 1))
print('é'.isalpha(), 'É'.isupper(), 'é'.islower())
print('a b c'.rsplit(), 'a,b,c'.rsplit(',', 1))
try:
    ' a b '.rsplit(None, 1)
except NotImplementedError as e:
    print('NotImplementedError', e)
