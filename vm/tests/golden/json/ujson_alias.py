import ujson
print(ujson.dumps({'a': [1, 2]}), ujson.loads('[true]'))
