s = "  Hello, World! Hello, Python!  "
print(s.strip().lower().split(", "))
print(s.count("Hello"), s.find("World"), s.replace("Hello", "Bye").strip())
words = s.strip().split()
print(" ".join(reversed(words)), "-".join(w[0] for w in words))
print("%-10s|%5s|" % ("left", "right"), "{:^11}".format("center"))
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.islower() else c for c in "hello world")
print(caesar)
