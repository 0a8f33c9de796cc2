# zero padding of a grouped number is itself grouped
for sz in (1, 4, 5, 6, 7, 9):
    print(("{:0%d,d}" % sz).format(16), ("{:0%d_x}" % sz).format(4096), ("{:0%d,d}" % sz).format(-16), ("{:0%d_b}" % sz).format(5))
print("{:,}".format(1234567), "{:_x}".format(0xabcdef), "{:08,}".format(1234))
