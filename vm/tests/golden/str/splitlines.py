print("a\nb\r\nc\n".splitlines(), "a\nb".splitlines(True), "".splitlines())
