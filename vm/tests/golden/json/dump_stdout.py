import json, sys
json.dump([1, 'a', {'b': None}], sys.stdout)
print()
json.dump({'x': 1}, sys.stdout, separators=(',', ':'))
print()
