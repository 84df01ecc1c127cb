class Config:
    DEFAULTS = {'limit': 10, 'debug': False}
    KEYS = sorted(DEFAULTS)
    def __init__(self, **over):
        self.values = dict(self.DEFAULTS)
        for k, v in over.items():
            if k not in self.DEFAULTS:
                raise KeyError(f'unknown option {k}')
            self.values[k] = v
    def __getitem__(self, k):
        return self.values[k]
print(Config.KEYS, Config()['limit'], Config(limit=5)['limit'], Config(debug=True).values)
try:
    Config(colour='red')
except KeyError as e:
    print(e)
