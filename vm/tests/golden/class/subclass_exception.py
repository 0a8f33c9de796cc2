class MyErr(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
try:
    raise MyErr(42)
except MyErr as e:
    print(e, e.code, e.args, type(e).__name__, isinstance(e, Exception))
raise MyErr(7)
