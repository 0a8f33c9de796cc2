# sub: group references must exist, \\ is one backslash, other escapes drop the backslash;
# sub and split stop at the first empty match; split refuses sub-captures
import re
print(re.sub("(a)(b)?", r"[\1|\2]", "xaby a"), re.sub("(abc)", r"\g<1>\g<1>", "abc"), re.sub("b", "\\\\b", "abc"), re.sub("b", r"\n", "abc"))
print(re.sub("a", "b", "1a2a3a", 2), re.sub("x*", "-", "abc"), re.sub("^ab", "*", "ababab"), re.sub("a", lambda m: m.group(0).upper(), "banana"))
for tpl in ("b\\2", "\\g<5>"):
    try:
        re.sub("(a)", tpl, "a")
    except IndexError as e:
        print("IndexError", e)
try:
    re.sub(123, "a", "a")
except TypeError as e:
    print("TypeError", e)
print(re.compile(" *").split("a b    c"), re.compile("x*").split("axbc"), re.compile(",").split("a,b,c", 1), re.compile("[,;]").split(b"a;b,c"))
try:
    re.compile("( )").split("a b")
except NotImplementedError as e:
    print("NotImplementedError", e)
