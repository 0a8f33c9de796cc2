data = {"users": [{"name": "a", "tags": ["x", "y"]}, {"name": "b", "tags": []}], "count": 2}
for u in data["users"]:
    print(u["name"], len(u["tags"]), u.get("age", "?"))
data["users"][1]["tags"].append("z")
print(data)
import json
s = json.dumps(data)
print(json.loads(s) == data)
