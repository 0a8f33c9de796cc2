import os
f = open("demo.txt", "w")
print(f.write("abc\n"), f.write("def\n"))
f.close()
with open("demo.txt") as f:
    print(f.readlines())
with open("demo.txt", "a") as f:
    f.write("ghi\n")
with open("demo.txt", "rb") as f:
    print(f.read())
print(os.stat("demo.txt")[6])
os.rename("demo.txt", "d2.txt")
os.remove("d2.txt")
print("d2.txt" in os.listdir())
