from math import nothing_here
