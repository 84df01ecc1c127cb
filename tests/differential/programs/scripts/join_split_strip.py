raw = '  apple, banana ,cherry,, date  '
parts = [p.strip() for p in raw.split(',')]
print(parts)
clean = [p for p in parts if p]
print(', '.join(clean))
print('|'.join(str(i) for i in range(5)))
print(raw.strip(), raw.lstrip(), raw.rstrip(), sep='#')
print('a b  c'.split(), 'a b  c'.split(' '), 'k=v=w'.split('=', 1))
