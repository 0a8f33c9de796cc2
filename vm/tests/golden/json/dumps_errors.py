import json
def t(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)
t(json.dumps, 1, 2)
t(json.dumps)
t(json.dumps, [1], separators=(',',))
t(json.dumps, [1], separators=(1, 2))
t(json.dumps, [1], indent=2)
t(json.dumps, [1], sort_keys=True)
