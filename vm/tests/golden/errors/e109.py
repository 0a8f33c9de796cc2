(lambda x: x)()
