import uheapq
h = [4, 2]
uheapq.heapify(h)
print(h, uheapq.heappop(h))
