# String building, splitting, joining and methods.
parts = []
for i in range(20000):
    parts.append("item" + str(i))
s = ",".join(parts)
words = s.split(",")
n = 0
for w in words:
    if w.endswith("7"):
        n += len(w.upper())
t = ""
for i in range(5000):
    t += str(i % 10)
print(len(s), len(words), n, t.count("7"), s.find("item19999"))
