class Row(dict):
    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key)
rows = [Row(name='A', qty=2), Row(name='B', qty=0)]
for r in rows:
    print(r.name, r.qty, r.get('rate', 0), r['name'])
try:
    rows[0].missing
except AttributeError as e:
    print('AttributeError', e)
