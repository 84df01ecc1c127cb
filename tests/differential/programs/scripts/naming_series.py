def next_name(prefix, existing):
    numbers = [int(n.split('-')[-1]) for n in existing if n.startswith(prefix + '-')]
    return f"{prefix}-{(max(numbers) if numbers else 0) + 1:05d}"
existing = ['INV-00001', 'INV-00007', 'PO-00002', 'INV-00003']
print(next_name('INV', existing), next_name('PO', existing), next_name('SO', existing))
