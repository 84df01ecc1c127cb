s = 'one\ntwo\r\nthree\rfour\n\nfive\x0bsix\x1cseven\u2028eight'
print(s.splitlines())
print(s.splitlines(True))
print(''.splitlines(), '\n'.splitlines(), 'x\n'.splitlines(), 'x\n'.split('\n'))
