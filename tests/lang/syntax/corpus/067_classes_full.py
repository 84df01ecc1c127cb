class Stack:
    """A simple stack."""

    def __init__(self):
        self._items = []

    def push(self, item):
        self._items.append(item)
        return self

    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(reversed(self._items))

    def __contains__(self, item):
        return item in self._items

    def __eq__(self, other):
        return isinstance(other, Stack) and self._items == other._items

    def __lt__(self, other):
        return len(self) < len(other)

    def __getitem__(self, index):
        return self._items[index]
s = Stack().push(1).push(2)
