s = 'naïve café résumé'
print(s.find('café'), s.index('é'), s.rfind('é'), s.count('é'), s[6:10], s.upper(), len(s))
print(s.split(' '), s.partition('café'), s.replace('é', 'e'))
