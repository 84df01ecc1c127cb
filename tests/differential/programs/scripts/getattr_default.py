class Row:
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)

r = Row(name='R1', qty=3)
print(getattr(r, 'name'), getattr(r, 'qty', 0), getattr(r, 'rate', 0.0), hasattr(r, 'qty'), hasattr(r, 'x'))
r.qty = r.qty + 1
print(r.qty, r.name)
print(getattr(r, 'missing'))
