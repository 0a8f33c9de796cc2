class K:
    def m(self):
        return self.n()
    def n(self):
        return 1 / 0
K().m()
