import json
print(json.loads('[1, 2.5, "a\\n", null, true, false, {"k": -1e3}]'))
print(json.loads(' {"a" : [ ] } '))
print(json.loads('1'), json.loads('-0'), json.loads('1.5e2'), json.loads('  []  '))
print(json.loads('12345678901234567890123'), json.loads('-0.0'), json.loads('1e400'))
print(json.loads('\t[\r\n1\n]\t'))
