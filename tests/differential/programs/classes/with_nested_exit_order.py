class CM:
    def __init__(self, name, log):
        self.name, self.log = name, log
    def __enter__(self):
        self.log.append('enter ' + self.name)
        return self.name
    def __exit__(self, *exc):
        self.log.append('exit ' + self.name + (' with ' + exc[0].__name__ if exc[0] else ''))
log = []
try:
    with CM('outer', log) as o, CM('inner', log) as i:
        log.append(f'body {o} {i}')
        raise IndexError('x')
except IndexError:
    log.append('handled')
print(log)
