# nested fields are numbered after their own field; %-precision is a minimum digit count
print("{:{}}".format(123, '#>10'))
print("{:{}{}{}}".format(123, '#', '>', '10'))
print("{0:{1}{2}}".format(123, '#>', '10'))
print("{text:{align}{width}}|".format(text="foo", align="^", width=9))
for val in (-12, 12):
    for f in (">%8.4d<", ">% 8.4d<", ">%+8.4d<", ">%08.4d<", ">%-8.4d<", ">%-08.4d<", ">%-+08.4d<", ">%.3x<", ">%#8.4x<"):
        print(f % val)
print("%*.*d" % (2, 2, 20), "%*.*d" % (5, 8, 20), "%*d|" % (5, 10))
for f, v in (('{0:=}', 'zzz'), ('{0:+c}', 1), ('{0:+s}', '1')):
    try:
        f.format(v)
    except ValueError as e:
        print('ValueError', e)
