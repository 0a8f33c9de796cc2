{}.update(5)
