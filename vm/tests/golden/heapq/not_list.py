import heapq
for f in [lambda: heapq.heappush((), 1), lambda: heapq.heapify((3, 1)), lambda: heapq.heappop((1,)), lambda: heapq.heapify('ab')]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
