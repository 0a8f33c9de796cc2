# golden: manual (the WebAssembly build reports ENOENT as errno 44; boards use 2)
try:
    open("missing.txt")
except OSError as e:
    print(e.errno, e)
open("missing.txt")
