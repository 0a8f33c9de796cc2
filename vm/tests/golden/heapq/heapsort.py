import heapq
data = [(i * 7919) % 101 for i in range(60)]
h = []
for x in data:
    heapq.heappush(h, x)
print([heapq.heappop(h) for _ in range(len(data))] == sorted(data))
h = list(data)
heapq.heapify(h)
print(h)
