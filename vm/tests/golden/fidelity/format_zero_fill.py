# '0' in a spec zero-fills text too (left-aligned by default) and numbers after sign and 0x
for f in ("{:06s}", "{:<06s}", "{:>06s}", "{:^06s}", "{:06}"):
    print(f, repr(f.format("ab")))
print(repr("{:=6}".format(-5)), repr("{:06.2f}".format(-1.5)), repr("{:<06d}".format(3)), repr("{:#06x}".format(18)))
print("%#06x" % 18, "%#6x" % 18, "%#06o" % 18, "%-#6x|" % 18, "%+#06x" % 18, "%#06X" % 255)
print(repr('%05s' % 'ab'), repr('%-05d' % 3), repr('%05c' % 65), repr('%06.1f' % -2.25))
