import cmath
print(cmath.sqrt(-1), cmath.exp(1j), cmath.log(1j), cmath.phase(-1), cmath.polar(1j))
print(cmath.rect(1, 0.5), cmath.cos(1j), cmath.sin(1j), cmath.log10(10j))
print(cmath.sqrt(4), cmath.sqrt(1+2j), cmath.exp(0), cmath.log(-1), cmath.phase(1j), cmath.polar(-2))
print(cmath.rect(2, 0), cmath.sin(0), cmath.log10(-100), cmath.polar(3+4j), cmath.sqrt(-4.0))
print(cmath.log(2.718281828459045), cmath.sqrt(2**100), cmath.exp(1+1j), cmath.sin(1+2j), cmath.cos(2-1j))
