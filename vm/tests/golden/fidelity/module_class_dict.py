# a module has a __class__ and a __dict__ (micropython-lib's unittest relies on both)
import sys
print(getattr(sys, '__class__'))
print(type(sys).__name__)
d = sys.__dict__
print(type(d), d['__name__'])
import __main__
__main__.__dict__['extra'] = 5
print(extra)
print(hasattr(sys, '__class__'), isinstance(sys, type(__main__)))
