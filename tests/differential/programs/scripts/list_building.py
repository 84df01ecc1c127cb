result = []
result.append('first')
result.extend(['second', 'third'])
result.insert(0, 'zeroth')
print(result, len(result))
result.remove('second')
last = result.pop()
print(result, last)
result += ['x']
print(result, result.index('x'), result.count('first'))
print([r.upper() for r in result])
