import hashlib
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: hashlib.sha256(5))
t(lambda: hashlib.sha256(b'a', b'b'))
t(lambda: hashlib.sha256().update())
t(lambda: hashlib.sha256(data=b'x'))
t(lambda: hashlib.sha256().update(None))
