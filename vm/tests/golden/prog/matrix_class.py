class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    def __mul__(self, other):
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __eq__(self, other):
        return self.rows == other.rows
    def __repr__(self):
        return "Matrix(%r)" % (self.rows,)
I = Matrix([[1, 0], [0, 1]])
A = Matrix([[1, 2], [3, 4]])
print(A * I == A, A * A, I * I)
