# Your first program: press Run (F5) and watch the REPL below.
name = "Mote"
print("Hello from", name + "!")
for i in range(1, 4):
    print(i, "x 7 =", i * 7)
