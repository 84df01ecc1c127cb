nums = [3, 1, 2]
print('+'.join(map(str, nums)) + '=' + str(sum(nums)))
print(''.join(sorted('hello')), ' '.join(reversed('a b c'.split())), '\n'.join(['x', 'y']))
print(', '.join(f'{k}={v}' for k, v in sorted({'b': 2, 'a': 1}.items())))
