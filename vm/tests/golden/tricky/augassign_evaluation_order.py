log = []
class D(dict):
    pass
d = {"a": 1}
def key():
    log.append("key")
    return "a"
d[key()] += 5
print(d, log)
