# repr() escapes everything outside printable ASCII, by code point size; print() does not
s = 'caf\xe9 \u20ac \U0001f600'
print(s)
print(repr(s))
print(len(s), len(repr(s)))
print(repr('\x7f'), repr('\x80'), repr('\xa0'), repr('\xff'), repr('\u0100'), repr('\uffff'), repr('\U00010000'))
print(repr('\t\n\r\x00\x1f\\'))
print(repr("it's é"), repr('say "é"'), repr('both \' and " é'))
print(['é', ('€',), {'😀': 'ü'}])
print('%r' % 'é', '{!r}'.format('€'), f'{"😀"!r}')
print(str('é'), '%s' % 'é', '{}'.format('é'))
# every code point below 0x800 has the expected escape
def kind(c):
    r = repr(chr(c))
    return 'lit' if len(r) == 3 else r[1:3]
k0 = kind(0); start = 0
for c in range(0x801):
    k = kind(c)
    if k != k0:
        print(hex(start), hex(c - 1), k0)
        start = c; k0 = k
print(kind(0xd7ff), kind(0xe000), kind(0xfffd), kind(0x10000), kind(0x10ffff))
