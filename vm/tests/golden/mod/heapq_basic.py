import heapq
h = []
for x in [5, 1, 4, 2]:
    heapq.heappush(h, x)
print([heapq.heappop(h) for _ in range(4)])
l = [3, 1, 2]
heapq.heapify(l)
print(l[0])
