import ucollections, collections
print(ucollections.deque is collections.deque, ucollections.OrderedDict is collections.OrderedDict)
print(ucollections.namedtuple('U', 'a')(1))
