s = 'hello world'
chars = list(s)
chars[0] = chars[0].upper()
chars[6:] = list('WORLD')
print(''.join(chars), s)
print(s[:5] + '!' + s[5:], s[-5:].upper() + s[:-5])
