raw = '  Hello, World!  '
print(raw.strip().lower().replace(',', '').split())
print('-'.join(raw.split()).upper().center(24, '*'))
print(raw.strip()[::-1].title().swapcase())
print(' '.join(w.capitalize() for w in 'the rain in spain'.split()))
