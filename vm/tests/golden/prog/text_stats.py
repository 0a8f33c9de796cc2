text = """It was the best of times, it was the worst of times.
It was the age of wisdom, it was the age of foolishness."""
lines = text.split("\n")
words = text.lower().replace(",", "").replace(".", "").split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
print(len(lines), len(words), top)
print(max(words, key=len), sum(len(w) for w in words) / len(words))
