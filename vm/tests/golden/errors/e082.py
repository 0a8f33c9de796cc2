b"ab".decode("ascii", "x", "y")
