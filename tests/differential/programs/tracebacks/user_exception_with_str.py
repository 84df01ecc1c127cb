class InsufficientStock(Exception):
    def __init__(self, item, wanted):
        super().__init__(item, wanted)
        self.item = item
        self.wanted = wanted

    def __str__(self):
        return f"only some {self.item} left, {self.wanted} wanted"


def reserve(item, wanted):
    raise InsufficientStock(item, wanted)


reserve("bolts", 12)
