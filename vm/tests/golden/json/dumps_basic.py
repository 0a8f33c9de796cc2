import json
print(json.dumps([1, 2.5, None, True, False, [], {}]))
print(json.dumps((1, (2, 3))))
print(json.dumps('text'), json.dumps(-7), json.dumps(2**70))
print(json.dumps({'k': [1, {'n': None}]}))
