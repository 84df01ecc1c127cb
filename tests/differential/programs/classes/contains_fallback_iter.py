class Evens:
    def __iter__(self):
        return iter(range(0, 10, 2))
print(4 in Evens(), 5 in Evens(), list(Evens()), max(Evens()))
