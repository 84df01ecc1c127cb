form_dict = {'customer': 'Acme', 'from_date': '2024-01-01', 'limit': '5', 'include_draft': 'true', 'tags': 'a, b,c'}
customer = form_dict.get('customer')
limit = int(form_dict.get('limit') or 10)
include_draft = str(form_dict.get('include_draft', '')).lower() in ('1', 'true', 'yes')
tags = [t.strip() for t in (form_dict.get('tags') or '').split(',') if t.strip()]
filters = {'customer': customer, 'docstatus': ['in', [0, 1]] if include_draft else 1}
if form_dict.get('from_date'):
    filters['posting_date'] = ['>=', form_dict['from_date']]
print(filters)
print(limit, include_draft, tags)
response = {'message': {'filters': filters, 'limit': limit}}
print(response['message']['limit'] * 2)
