bytearray([256])
