rows = [{'name': 'T-1', 'subject': 'Login <broken>', 'priority': 'High'}, {'name': 'T-2', 'subject': 'Slow & sad', 'priority': 'Low'}]
def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
html = '<table>'
html += ''.join(f"<tr><td>{r['name']}</td><td>{esc(r['subject'])}</td><td>{r['priority']}</td></tr>" for r in rows)
html += '</table>'
print(html)
print(len(html), html.count('<tr>'))
