print(chr(65), ord("A"), bin(10), oct(8), hex(255), bin(-5), hex(-255), hex(2**70), bin(0))
