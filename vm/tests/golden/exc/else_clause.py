for x in [1, 0]:
    try:
        r = 10 // x
    except ZeroDivisionError:
        print("div0")
    else:
        print("ok", r)
    finally:
        print("fin")
