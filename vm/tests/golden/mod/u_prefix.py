import ujson, utime, uos
print(ujson.dumps([1]), type(utime.ticks_ms()))
