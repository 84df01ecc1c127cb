response = {}
data = []
for i in range(3):
    data.append({'idx': i, 'label': 'Row ' + str(i)})
response['message'] = data
response['count'] = len(data)
response['ok'] = True
print(response)
print(response['message'][-1]['label'])
