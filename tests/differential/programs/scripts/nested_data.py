config = {'limits': {'daily': 10, 'monthly': 200}, 'users': [{'id': 1, 'tags': ['a', 'b']}, {'id': 2, 'tags': []}]}
print(config['limits']['daily'] * 30 > config['limits']['monthly'])
for u in config['users']:
    print(u['id'], len(u['tags']), u['tags'] or 'no tags', ','.join(u['tags']))
config['users'][1]['tags'].append('new')
print(config)
