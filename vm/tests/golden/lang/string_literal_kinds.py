print('single', "double", '''triple''', r'\d', b'bytes', 'a' 'b', rb'\x')
