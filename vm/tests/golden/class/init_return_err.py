class C:
    def __init__(self): return 5
C()
