class C:
    def __repr__(self): return "R"
print(str(C()), "%s" % C(), f"{C()}", "{}".format(C()))
