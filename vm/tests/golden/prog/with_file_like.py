class Log:
    def __init__(self):
        self.lines = []
    def __enter__(self):
        self.lines.append("open")
        return self
    def write(self, s):
        self.lines.append(s)
    def __exit__(self, et, ev, tb):
        self.lines.append("close " + (et.__name__ if et else "ok"))
        return False
log = Log()
with log as f:
    f.write("a")
try:
    with log as f:
        f.write("b")
        raise RuntimeError("oops")
except RuntimeError:
    pass
print(log.lines)
