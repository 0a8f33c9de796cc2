print(u"abc", "ok")
