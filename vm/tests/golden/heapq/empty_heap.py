import heapq
try:
    heapq.heappop([])
except IndexError as e:
    print('IndexError', repr(e.args))
heapq.heappop([])
