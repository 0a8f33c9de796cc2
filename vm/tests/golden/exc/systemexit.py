import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("exit", e.args, e.code if hasattr(e, "code") else "")
sys.exit("bye")
