import re
m = re.match(r"(\w+) (\w+)", "hello world")
print(m.group(0), m.group(1), m.group(2))
print(re.search(r"\d+", "ab123cd").group(0), re.sub(r"[aeiou]", "_", "banana"))
print(re.match("x", "abc"))
