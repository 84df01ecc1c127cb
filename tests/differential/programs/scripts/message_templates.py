tpl = 'Dear {customer}, invoice {name} of {amount:,.2f} is due on {due}.'
invoices = [{'customer': 'Acme', 'name': 'INV-1', 'amount': 1234.5, 'due': '2024-05-01'},
            {'customer': 'Beta', 'name': 'INV-2', 'amount': 0, 'due': '2024-06-01'}]
for inv in invoices:
    print(tpl.format(**inv))
print('Hi %(customer)s, %(count)d items' % {'customer': 'Acme', 'count': 3})
