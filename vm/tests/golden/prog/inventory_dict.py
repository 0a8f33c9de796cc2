inventory = {"apples": 5, "pears": 2}
orders = [("apples", 2), ("kiwis", 1), ("pears", 2), ("apples", 4)]
for item, qty in orders:
    have = inventory.get(item, 0)
    if have >= qty:
        inventory[item] = have - qty
        print("sold", qty, item)
    else:
        print("cannot sell", qty, item, "have", have)
print(inventory)
print({k: v for k, v in inventory.items() if v})
