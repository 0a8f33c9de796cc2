import heapq
l = [9, 8, 7, 6, 5, 4, 3, 2, 1]
print(heapq.heapify(l), l)
l = [3, 1, 2]
heapq.heapify(l)
print(l)
l = []
heapq.heapify(l)
print(l)
l = [1.5, -2, 3, 0.5]
heapq.heapify(l)
print(l, [heapq.heappop(l) for _ in range(4)])
