class Row:
    def __init__(self, **fields):
        self.fields = fields
    def __getattr__(self, key):
        try:
            return self.fields[key]
        except KeyError:
            raise AttributeError(key)
    def get(self, key, default=None):
        return self.fields.get(key, default)
rows = [Row(name='A', qty=2), Row(name='B', qty=0)]
for r in rows:
    print(r.name, r.qty, r.get('rate', 0), r.get('name'))
try:
    rows[0].missing
except AttributeError as e:
    print('AttributeError', e)
