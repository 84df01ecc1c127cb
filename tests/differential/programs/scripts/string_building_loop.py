items = ['apple', 'banana', 'cherry']
msg = ''
for i, it in enumerate(items):
    if i:
        msg += ', '
    msg += it.title()
print(msg)
msg2 = 'Items: ' + str(len(items)) + '\n'
for it in items:
    msg2 += '- ' + it + '\n'
print(msg2, end='')
