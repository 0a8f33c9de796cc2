print(callable(len), callable(print), callable(lambda: 0), callable(int), callable(1), callable("s"))
