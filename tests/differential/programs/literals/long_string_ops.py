s = 'ab' * 500
print(len(s), s[:6], s[-3:], s.count('ab'), s.find('ba'), s.rfind('ab'))
t = '-'.join(['x'] * 20)
print(t)
print(('0123456789' * 3)[5:25:3])
