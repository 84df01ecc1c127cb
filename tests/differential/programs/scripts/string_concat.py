first = 'Ada'
last = 'Lovelace'
full = first + ' ' + last
print(full)
msg = 'Dear ' + full + ',\n' + 'your total is ' + str(1250.5) + ' USD.'
print(msg)
line = ''
for part in ['a', 'b', 'c']:
    line = line + part + '-'
print(line)
s = 'x'
s += 'y'
s += str(3)
print(s, len(s))
print('Order ' + str(12) + ' of ' + str(None) + ' ' + str(True))
