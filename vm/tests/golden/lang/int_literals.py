print(0x1F, 0o17, 0b1010, 1_000_000, 0xDEAD_BEEF, 00, 1e3, 1.5e-3, .5, 5.)
