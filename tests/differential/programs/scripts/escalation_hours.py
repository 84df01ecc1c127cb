tickets = [{'id': 1, 'hours_open': 5, 'priority': 'High'}, {'id': 2, 'hours_open': 30, 'priority': 'Medium'},
           {'id': 3, 'hours_open': 80, 'priority': 'Low'}, {'id': 4, 'hours_open': 2, 'priority': 'Urgent'}]
limits = {'Urgent': 1, 'High': 4, 'Medium': 24, 'Low': 72}
for t in tickets:
    over = t['hours_open'] - limits[t['priority']]
    if over > 0:
        print(f"Ticket {t['id']} ({t['priority']}) breached by {over}h ({over / limits[t['priority']]:.0%})")
