class Window:
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, key):
        if isinstance(key, slice):
            return Window(self.data[key])
        return self.data[key]
    def __repr__(self):
        return f'Window({self.data})'
w = Window(list(range(10)))
print(len(w), w[3], w[-1], w[2:5], w[::3], w[::-4], len(w[1:]))
try:
    w[20]
except IndexError as e:
    print('IndexError', e)
