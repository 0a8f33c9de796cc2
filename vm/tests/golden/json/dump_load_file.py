import json
with open('data.json', 'w') as f:
    json.dump({'a': [1, 2.5, None]}, f)
with open('data.json') as f:
    print(f.read())
with open('data.json') as f:
    print(json.load(f))
with open('data.json', 'rb') as f:
    print(json.load(f))
