class R:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in R(), 5 in R(), list(R()), sorted(R(), reverse=True))
