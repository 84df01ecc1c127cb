class ValidationError(Exception):
    pass

def throw(msg):
    raise ValidationError(msg)

def validate(doc):
    if not doc.get('customer'):
        throw('Customer is mandatory')
    if doc.get('qty', 0) <= 0:
        throw(f"Quantity must be positive, got {doc.get('qty')}")
    return 'ok'

for d in [{'customer': 'A', 'qty': 1}, {'qty': 2}, {'customer': 'B', 'qty': 0}]:
    try:
        print(validate(d))
    except ValidationError as e:
        print('Error:', e)
validate({'customer': 'C', 'qty': -1})
