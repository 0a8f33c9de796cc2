items = {"a": 1}
name = "a"
print(f"{name}={items[name]}", f"{len(items):03d}", f"{'yes' if items else 'no'}")
