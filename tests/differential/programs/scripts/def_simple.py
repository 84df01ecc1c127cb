def net_amount(qty, rate, discount=0):
    gross = qty * rate
    return gross - gross * discount / 100

def label(doc):
    if not doc.get('title'):
        return 'Untitled'
    return doc['title'].strip().title()

print(net_amount(3, 10))
print(net_amount(3, 10, 15))
print(net_amount(qty=2, rate=2.5, discount=50))
print(label({}), label({'title': '  quarterly report '}))
def nothing():
    pass
print(nothing())
