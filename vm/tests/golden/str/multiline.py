s = """line1
line2
  line3"""
print(s)
t = '''a
b'''
print(t, len(t))
