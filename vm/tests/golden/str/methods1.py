s = "  Hello World  "
print(s.strip(), s.lstrip(), s.rstrip(), s.lower(), s.upper(), s.strip().split(" "), s.count("l"), s.find("o"), s.rfind("o"), s.find("z"))
