for s in ['key=value', 'key=', '=value', 'novalue', 'a=b=c', '']:
    print(s.partition('='), s.rpartition('='))
try:
    'x'.partition('')
except ValueError as e:
    print(e)
