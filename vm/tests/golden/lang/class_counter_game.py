class Player:
    count = 0
    def __init__(self, name):
        self.name = name
        self.score = 0
        Player.count += 1
    def add(self, pts):
        self.score += pts
        return self
    def __repr__(self):
        return "%s:%d" % (self.name, self.score)
ps = [Player("ann"), Player("bob")]
ps[0].add(3).add(4)
ps[1].add(10)
print(ps, Player.count, max(ps, key=lambda p: p.score))
