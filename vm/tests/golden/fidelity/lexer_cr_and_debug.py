# CR LF and a lone CR read as LF, in code and in string literals; __debug__ is True
print(type(__debug__), __debug__)
exec("\rprint(2)")
exec("\r\nprint(3)")
print(eval("12\r"), eval("'123'\\\r'456'"))
exec("x = 1\ry = 2\r\nprint(x + y)")
