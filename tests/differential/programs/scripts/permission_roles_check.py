user_roles = ['Employee', 'Sales User']
allowed = {'submit': ['Sales Manager', 'System Manager'], 'read': ['Employee', 'Sales User'], 'write': ['Sales User']}
for action, roles in allowed.items():
    ok = any(r in user_roles for r in roles)
    print(action, 'allowed' if ok else 'denied')
print(set(user_roles) & {'Sales User', 'Admin'} == {'Sales User'})
