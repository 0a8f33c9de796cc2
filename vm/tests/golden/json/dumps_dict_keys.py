# Non-str keys are printed in JSON form and quoted, as MicroPython does.
import json
print(json.dumps({1.5: 2}))
print(json.dumps({None: 1}))
print(json.dumps({(1,): 2}))
print(json.dumps({'k"': 'v'}))
print(json.dumps({False: 0}))
