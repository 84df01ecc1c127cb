class Doc:
    def __init__(self):
        self.title = 't'
d = Doc()
print(d.title)
print(d.status)
