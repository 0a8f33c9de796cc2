import heapq
h = []
for x in [5, 1, 4, 1, 9, 2, 6, 0, 3]:
    heapq.heappush(h, x)
out = []
while h:
    out.append(heapq.heappop(h))
    print(h)
print(out)
