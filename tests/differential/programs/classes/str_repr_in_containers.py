class Tag:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f'<Tag {self.n}>'
    def __str__(self):
        return f'#{self.n}'
tags = [Tag(1), Tag(2)]
print(tags, str(tags), tags[0], f'{tags[0]}', f'{tags[0]!r}', {'t': tags[1]}, (tags[0],), '%s|%r' % (tags[0], tags[0]))
