def register(cls):
    cls.registered = True
    return cls
@register
class R: pass
print(R.registered)
