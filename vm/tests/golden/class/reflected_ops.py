class R:
    def __radd__(self, o): return "radd " + str(o)
    def __rsub__(self, o): return "rsub " + str(o)
print(1 + R(), 5 - R(), sum([R()], 10) if False else "ok")
