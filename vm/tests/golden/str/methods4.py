print("abc".center(9), "abc".center(8), "|")
