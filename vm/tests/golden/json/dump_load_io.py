import json, io
s = io.StringIO()
json.dump({'a': [1, 2]}, s, separators=(',', ':'))
print(repr(s.getvalue()))
json.dump([True, None], s)
print(repr(s.getvalue()))
print(json.load(io.StringIO(' [1, {"b": null}] ')))
print(json.load(io.BytesIO(b'"x"')))
try:
    json.load(io.StringIO('[1'))
except ValueError as e:
    print('ValueError', e)
