settings = {'currency': 'USD'}
print(settings['currency'])
print(settings['timezone'])
