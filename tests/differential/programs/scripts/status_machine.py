transitions = {'Draft': ['Submitted', 'Cancelled'], 'Submitted': ['Paid', 'Cancelled'], 'Paid': [], 'Cancelled': []}
state = 'Draft'
for target in ['Paid', 'Submitted', 'Draft', 'Paid', 'Cancelled']:
    if target in transitions[state]:
        print(state, '->', target)
        state = target
    else:
        print('cannot go from', state, 'to', target)
print('final', state)
