print(..., type(...).__name__, None is None, type(None).__name__)
