# Objects without a JSON form print as their repr; bytes print as a JSON string.
import json
print(json.dumps(b'ab'), json.dumps(bytearray(b'x')))
print(json.dumps(range(3)))
class A:
    def __repr__(self):
        return 'A!'
print(json.dumps([A()]))
print(json.dumps({1}))
