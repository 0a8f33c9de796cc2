# the platform module answers with strings and a (lib, version) pair
import platform
print(type(platform.platform()), type(platform.python_compiler()), type(platform.libc_ver()), len(platform.libc_ver()))
print(platform.platform().startswith(('MicroPython-', 'Unix-')), '-with-' in platform.platform())
