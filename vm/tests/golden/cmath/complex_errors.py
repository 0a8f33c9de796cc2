z = 1+2j
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: z // 2)
t(lambda: z % 2)
t(lambda: z / 0)
t(lambda: z / 0j)
t(lambda: 0j ** -1)
t(lambda: 0j ** 1j)
t(lambda: int(z))
t(lambda: float(z))
t(lambda: z + 'a')
t(lambda: 'a' * z)
