import random
random.seed(11)
print([random.choice([1, 2, 3]) for _ in range(8)], random.choice('abc'), random.choice((7,)), random.choice(range(100)))
for seq in ([], '', 5):
    try:
        random.choice(seq)
    except (IndexError, TypeError) as e:
        print(repr(seq), type(e).__name__, repr(e.args))
