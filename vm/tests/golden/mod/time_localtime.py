import time
print(time.localtime(0)[:6], time.gmtime(86400 * 365)[:3], time.mktime((2000, 1, 1, 0, 0, 0, 0, 0)))
