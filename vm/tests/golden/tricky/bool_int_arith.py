print(True + 1, True * 2.5, sum([True, True, False]), True & False, True | False, True ^ True, ~False, 5 * True, [1, 2][True])
