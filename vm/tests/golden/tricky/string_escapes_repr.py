print(repr('\\'), repr('\''), repr('"'), repr('\x1b'), repr('\r\n'), repr('a\tb'))
