# patterns MicroPython's re cannot compile fail in re.compile itself, including its size limits
import re
for p in ("?", "*", "+", ")", "[", "([", "([)", "[a\\]", "a**", "a|*", "(?P<n>a)", "a\\", "[" + "a" * 128 + "]", "(a)" * 64, "(" + "a" * 62 + ")?", "(" + "a" * 60 + ".)*"):
    try:
        re.compile(p)
        print(repr(p[:12]), "OK")
    except Exception as e:
        print(repr(p[:12]), type(e).__name__, e)
for p in ("[" + "a" * 127 + "]", "(a)" * 63, "a{2}", "(?:ab)+", "a*?b", "[\\]]"):
    re.compile(p)
    print(repr(p[:12]), "OK")
print(re.match("a{2}", "a{2}").group(0), re.match(r"\n", "n").group(0), re.match(".", "\n") is not None)
