class B:
    def __init__(self, x): pass
B()
