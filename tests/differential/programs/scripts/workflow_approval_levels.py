levels = [(0, 'Auto'), (1000, 'Team Lead'), (10000, 'Manager'), (100000, 'Director')]
def approver_for(amount):
    result = None
    for threshold, role in levels:
        if amount >= threshold:
            result = role
    return result
for amt in [0, 999.99, 1000, 25000.5, 1e6]:
    print(f"{amt:>12,.2f} -> {approver_for(amt)}")
