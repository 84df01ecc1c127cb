form_dict = {'name': 'X1', 'limit': '10', 'flag': '0'}
print(form_dict.get('name'), form_dict.get('missing'), form_dict.get('missing', 'dflt'))
limit = int(form_dict.get('limit') or 20)
page = int(form_dict.get('page') or 1)
flag = form_dict.get('flag') == '1'
print(limit, page, flag)
print(form_dict.setdefault('page', '1'), form_dict)
print(form_dict.pop('flag'), form_dict.pop('nope', None), form_dict)
