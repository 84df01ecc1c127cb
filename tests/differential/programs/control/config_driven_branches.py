config = {'mode': 'strict', 'retries': '3'}
mode = config.get('mode', 'lenient')
retries = int(config.get('retries', 0))
if mode == 'strict' and retries > 2:
    level = 'high'
elif mode == 'strict':
    level = 'medium'
else:
    level = 'low'
print(level, retries, mode == 'strict')
