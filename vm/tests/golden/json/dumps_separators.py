import json
print(json.dumps({'a': 1, 'b': [1, 2]}, separators=(',', ':')))
print(json.dumps([1, 2], separators=(', ', ': ')))
print(json.dumps({'a': [1]}, separators=(';', '=')))
print(json.dumps([1, 2], separators=None))
print(json.dumps((1, 2), separators=['|', '~']))
