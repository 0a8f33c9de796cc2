def app(x, l=[]):
    l.append(x)
    return l
print(app(1), app(2), app(3, []))
