class Student:
    def __init__(self, name, grade):
        self.name = name
        self.grade = grade
    def __repr__(self):
        return "%s(%d)" % (self.name, self.grade)
ss = [Student("zoe", 90), Student("adam", 85), Student("bob", 90)]
print(sorted(ss, key=lambda s: s.grade))
print(sorted(ss, key=lambda s: (-s.grade, s.name)))
print(min(ss, key=lambda s: s.grade), max(s.grade for s in ss))
