object.__new__(5)
