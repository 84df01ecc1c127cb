import json
print(json.loads('123456789012345678901234567890'))
print(json.loads('-98765432109876543210'))
print(json.loads('1.5e300'), json.loads('1e400'), json.loads('-1e400'))
print(json.loads('0.1'), json.loads('2.5E+2'))
