import heapq
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return 'K%d' % self.v
h = [K(3), K(1), K(2), K(0)]
heapq.heapify(h)
print(h)
heapq.heappush(h, K(-1))
print(h, heapq.heappop(h))
