# golden: manual (the WebAssembly build has no native emitter and refuses these decorators; a board accepts them)
# @micropython.native/viper/bytecode need no import; the functions run as written
@micropython.native
def add(a, b):
    return a + b
@micropython.viper
def mul(a, b):
    return a * b
@micropython.bytecode
def neg(a):
    return -a
print(add(2, 3), mul(4, 5), neg(6))
