name = 'report'
rows = 3
text = (f'Name: {name}\n'
        f'Rows: {rows:>4}\n'
        'Plain: {not formatted}\n'
        f'Total: {rows * 2.5:.1f}')
print(text)
print(f'''multi
{name.upper()}
line''')
