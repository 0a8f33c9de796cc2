# Prime numbers with a list comprehension, a function and a dictionary.
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True

primes = [n for n in range(100) if is_prime(n)]
print(len(primes), "primes below 100:", primes)
last_digits = {}
for p in primes:
    last_digits[p % 10] = last_digits.get(p % 10, 0) + 1
print("last digits:", sorted(last_digits.items()))
print("2**100 =", 2**100)
