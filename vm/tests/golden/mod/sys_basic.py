import sys
print(type(sys.argv), type(sys.path), sys.byteorder, sys.maxsize > 2**30, type(sys.version_info), sys.version_info[0], "sys" in sys.modules, sys.implementation.name)
sys.stdout.write("written\n")
