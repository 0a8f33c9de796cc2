import json
print(json.loads('"a\\\\b\\/c\\"d"'))
print(json.loads('"\\b\\f\\n\\r\\t"') == '\b\f\n\r\t')
print(json.loads('"\\u0041\\u0062"'), json.loads('"\\x"'))
print(ord(json.loads('"\\u00E9"')), ord(json.loads('"\\uzzzz"')))
