contacts = [' +1 (555) 010-2000 ', 'user@Example.COM ', '', None, '555.010.3000']
for c in contacts:
    c = (c or '').strip()
    if '@' in c:
        print('email', c.lower())
    elif c:
        digits = ''.join(ch for ch in c if ch.isdigit())
        print('phone', digits, len(digits))
    else:
        print('empty')
