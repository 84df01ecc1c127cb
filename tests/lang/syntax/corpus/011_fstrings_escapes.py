x = 1
a = f'\n{x}\t'
b = f'\x41{x}\u00e9'
c = f'{x}\\'
d = f"quote ' {x}"
e = f'multi\
line {x}'
f = f'''triple {x}
line two {x!r}'''
