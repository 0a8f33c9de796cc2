import random
for f, a in [(random.random, (1,)), (random.randint, (1,)), (random.uniform, (1,)), (random.choice, ()), (random.randrange, ())]:
    try:
        f(*a)
    except TypeError as e:
        print('TypeError', e)
