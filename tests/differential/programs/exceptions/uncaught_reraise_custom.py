class ConfigError(ValueError):
    pass
try:
    raise ConfigError('missing setting: db_host')
except ValueError as e:
    print('seen:', e)
    raise
