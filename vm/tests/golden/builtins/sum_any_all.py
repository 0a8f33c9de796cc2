print(sum([1, 2, 3]), sum([0.5, 0.25]), sum([[1], [2]], []), sum(range(101)), any([]), all([]), any([0, 1]), all([1, 0]))
