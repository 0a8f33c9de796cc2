import json
print(json.dumps('a"b\\c'))
print(json.dumps('\n\r\t\b\f'))
print(json.dumps('\x01\x1f'), repr(json.dumps('\x7f')))
print(json.dumps('/'))
