print(1 and 2, 0 and 2, 1 or 2, 0 or "", None or [], [] and 1, not [], not [1])
