class Deck:
    def __init__(self, n):
        self.cards = list(range(n))
    def __iter__(self):
        for c in self.cards:
            yield c * 10
    def evens(self):
        return (c for c in self.cards if c % 2 == 0)
d = Deck(5)
print(list(d), list(d.evens()), [x for x in d if x > 10], dict(zip(d, 'abcde')))
