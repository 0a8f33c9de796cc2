[].insert()
