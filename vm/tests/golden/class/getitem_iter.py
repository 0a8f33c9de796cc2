class G:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(G()), 20 in G())
