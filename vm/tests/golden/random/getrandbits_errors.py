import random
for n in (33, -1, 2**40):
    try:
        random.getrandbits(n)
    except (ValueError, OverflowError) as e:
        print(n, type(e).__name__, e)
random.getrandbits('8')
