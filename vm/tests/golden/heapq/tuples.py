import heapq
h = [(2, 'b'), (1, 'a'), (1, 'c'), (3, 'x')]
heapq.heapify(h)
print(h)
while h:
    print(heapq.heappop(h))
