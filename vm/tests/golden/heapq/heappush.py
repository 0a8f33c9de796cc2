import heapq
h = []
for x in [5, 1, 4, 1, 9, 2, 6]:
    print(heapq.heappush(h, x), h)
