import json
print(json.loads(b'[1]'), json.loads(bytearray(b'{"x": 2}')))
json.loads(5)
