def binary_search(a, x):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == x:
            return mid
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
a = list(range(0, 100, 3))
print(binary_search(a, 27), binary_search(a, 28))
def quicksort(l):
    if len(l) <= 1:
        return l
    p = l[0]
    return quicksort([x for x in l[1:] if x < p]) + [p] + quicksort([x for x in l[1:] if x >= p])
print(quicksort([3, 6, 1, 8, 2, 9, 2]))
print(list(zip(*[[1, 2, 3], [4, 5, 6]])))
