def make_invoice(customer, amount, *, currency='USD'):
    return f'{customer}: {amount} {currency}'
print(make_invoice('Acme', 10))
print(make_invoice('Acme', 10, 'EUR'))
