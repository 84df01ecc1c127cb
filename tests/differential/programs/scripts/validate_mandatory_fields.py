MANDATORY = ['customer', 'posting_date', 'items']
def missing_fields(doc):
    return [f for f in MANDATORY if not doc.get(f)]
docs = [{'customer': 'A', 'posting_date': '2024-01-01', 'items': [1]}, {'customer': '', 'items': []}, {}]
for d in docs:
    missing = missing_fields(d)
    if missing:
        print('Missing: ' + ', '.join(m.replace('_', ' ').title() for m in missing))
    else:
        print('valid')
