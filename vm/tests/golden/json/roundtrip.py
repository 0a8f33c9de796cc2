import json
data = {'name': 'board', 'pins': [1, 2, 3], 'ok': True, 'temp': 21.5, 'none': None, 'nested': {'a': [[], {}]}}
s = json.dumps(data)
back = json.loads(s)
print(back == data)
print(json.loads(json.dumps('quote " and \\ back')))
