def get_summary(filters):
    data = [
        {'item': 'A', 'qty': 5, 'amount': 50.0},
        {'item': 'B', 'qty': 0, 'amount': 0.0},
        {'item': 'C', 'qty': 2, 'amount': 30.5},
    ]
    if filters.get('nonzero'):
        data = [d for d in data if d['qty']]
    columns = [{'label': k.title(), 'fieldname': k} for k in data[0]]
    return {'columns': columns, 'data': data, 'total': sum(d['amount'] for d in data)}

print(get_summary({}))
print(get_summary({'nonzero': 1})['total'])
