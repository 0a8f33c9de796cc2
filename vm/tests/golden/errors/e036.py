del {}["k"]
