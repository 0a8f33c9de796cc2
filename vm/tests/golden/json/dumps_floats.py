import json
print(json.dumps(1e20), json.dumps(1.0), json.dumps(-0.0))
print(json.dumps(float('inf')), json.dumps(float('nan')))
print(json.dumps([0.1, 1/3, 1e-5, 123456789.123]))
