bytes("abc")
