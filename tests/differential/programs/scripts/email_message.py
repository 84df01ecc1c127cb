recipients = ['a@example.com', 'b@example.com']
doc = {'name': 'PO-0007', 'supplier': 'Supplies Ltd', 'grand_total': 15000.0, 'items': 3}
subject = 'Purchase Order ' + doc['name'] + ' approved'
message = f"""<p>Dear {doc['supplier']},</p>
<p>Order <b>{doc['name']}</b> for {doc['grand_total']:,.2f} ({doc['items']} items) is approved.</p>"""
print(', '.join(recipients))
print(subject)
print(message)
