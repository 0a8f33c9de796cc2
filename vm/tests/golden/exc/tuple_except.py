for v in ["x", None, [1]]:
    try:
        int(v)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
