import json
for s in ['1-2', '--1', '2+', '1e', '1.2.3', '-', '[1e]', '1e5', '1E+2', '-1.5e-3']:
    try:
        print(repr(s), json.loads(s))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
