class Table:
    def __init__(self, rows):
        self.rows = rows

    def cell(self, r, c):
        return self.rows[r][c]


t = Table([[1, 2], [3, 4]])
print(t.cell(1, 1))
print(t.cell(1, 5))
