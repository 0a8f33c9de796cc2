print({5}, set(), {"a"}, frozenset())
