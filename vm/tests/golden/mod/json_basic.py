import json
s = json.dumps({"a": [1, 2.5, None, True], "b": "x"})
print(s)
print(json.loads(s), json.loads("[1, 2, {\"k\": false}]"), json.dumps("q\"uote"))
