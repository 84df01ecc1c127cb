data = {'name': 'Acme', 'total': 12.5}
print('{name} owes {total:.2f}'.format_map(data))
class Default(dict):
    def __missing__(self, key):
        return '<' + key + '>'
print('{name} {unknown}'.format_map(Default(name='x')))
try:
    '{missing}'.format_map({})
except KeyError as e:
    print('KeyError', e)
