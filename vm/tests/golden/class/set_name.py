class Field:
    def __set_name__(self, owner, name):
        self.name = name
class M:
    age = Field()
print(M.age.name)
