class C:
    items = []
    def add(self, x):
        self.items.append(x)
a = C(); b = C()
a.add(1); b.add(2)
print(C.items, a.items is b.items)
