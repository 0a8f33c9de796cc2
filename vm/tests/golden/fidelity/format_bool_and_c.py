# a bool with a non-empty spec formats as an int; 'c' aligns right like a number
print(repr('{:20}'.format(False)))
print(repr('{:<5}'.format(True)), repr('{:d}'.format(True)), repr('{}'.format(True)), repr('{!s:6}'.format(True)))
print(repr('{:4c}'.format(65)), repr('{:<4c}'.format(66)), repr('{:^5c}'.format(67)), repr('{:*>3c}'.format(68)))
