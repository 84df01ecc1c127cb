def get_condition(user, roles):
    if 'System Manager' in roles:
        return ''
    conds = []
    if 'Sales User' in roles:
        conds.append(f"`tabLead`.owner = '{user}'")
    if 'Territory Manager' in roles:
        conds.append("`tabLead`.territory in ('North', 'South')")
    return '(' + ' or '.join(conds) + ')' if conds else '1=0'

print(repr(get_condition('admin@x.com', ['System Manager'])))
print(get_condition('u@x.com', ['Sales User']))
print(get_condition('u@x.com', ['Sales User', 'Territory Manager']))
print(get_condition('g@x.com', []))
