x = 42
name = "Bob"
print(f"{x} {name} {x*2} {x:5d} {x:<5}| {name!r} {x:#x} {3.14159:.2f} {{}}")
print(f"{x=}", f"{x+1=}")
print(f"{x:>8}|")
print(f"{x!s:4}|")
