s = 'The Quick Brown Fox'
print('Quick' in s, 'quick' in s, 'quick' in s.lower(), '' in s, ' ' in s, 'Fox ' in s)
try:
    print(1 in s)
except TypeError as e:
    print(e)
