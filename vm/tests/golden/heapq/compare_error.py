import heapq
h = [1, 'a']
heapq.heappush(h, 2)
print(h)
heapq.heapify([1, 'a', 2])
