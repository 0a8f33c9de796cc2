stack = []
for c in "(()[]{})":
    if c in "([{":
        stack.append(c)
    else:
        top = stack.pop()
        print(top, c)
print("balanced" if not stack else "unbalanced")
from collections import deque
q = deque()
for i in range(3):
    q.append(i)
while q:
    print("served", q.popleft())
