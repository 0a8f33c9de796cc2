class InsufficientFunds(Exception):
    pass

class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self._balance += amount
        self.history.append(("dep", amount))
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds("only %d left" % self._balance)
        self._balance -= amount
        self.history.append(("wd", amount))
    def __str__(self):
        return "%s: %d" % (self.owner, self._balance)

a = Account("ann", 100)
a.deposit(50)
try:
    a.withdraw(500)
except InsufficientFunds as e:
    print("error:", e)
a.withdraw(30)
print(a, a.balance, a.history)
try:
    a.deposit(-1)
except ValueError as e:
    print(type(e).__name__, e)
