class Ticket:
    count = 0
    def __init__(self, title):
        Ticket.count += 1
        self.id = Ticket.count
        self.title = title
    @classmethod
    def make_many(cls, *titles):
        return [cls(t) for t in titles]
    def __repr__(self):
        return f'#{self.id} {self.title}'
print(Ticket.make_many('a', 'b'), Ticket('c'), Ticket.count)
