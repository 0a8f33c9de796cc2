1 in None
