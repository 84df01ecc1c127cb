row = {'customer': None}
print(row.get('customer'))
print(row['customer']['name'])
