allocations = {'Casual Leave': 12, 'Sick Leave': 8, 'Earned Leave': 15.5}
taken = [('Casual Leave', 3), ('Sick Leave', 0.5), ('Casual Leave', 2), ('Earned Leave', 10), ('Unpaid', 4)]
balance = dict(allocations)
for leave_type, days in taken:
    if leave_type not in balance:
        print('skipping', leave_type)
        continue
    balance[leave_type] -= days
for k, v in balance.items():
    print(f"{k:<14}{v:>6}")
print(sum(balance.values()), min(balance, key=balance.get))
