def classify(amount, customer_type):
    if amount > 10000:
        if customer_type == 'VIP':
            return 'approve'
        elif customer_type == 'New':
            return 'review'
        else:
            return 'escalate'
    elif amount > 1000:
        return 'manager' if customer_type != 'VIP' else 'approve'
    elif amount <= 0:
        return 'invalid'
    else:
        return 'auto'

for a in [20000, 5000, 0, 50, -1]:
    for t in ['VIP', 'New', 'Other']:
        print(a, t, classify(a, t))
