import json
for s in ['', ' ', '[', 'nul', 'tru', 'fals', '"abc', '[1] x', "'a'", 'NaN', 'Infinity', '.5', '"\\u12"', '{[1]:2}', '[1]]', ']', '[[]', '{"a":[1,2}', 'true false', 'nullx']:
    try:
        print(repr(s), json.loads(s))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
json.loads('[1, 2')
