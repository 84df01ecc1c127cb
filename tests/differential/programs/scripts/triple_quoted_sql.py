doctype = 'Sales Invoice'
query = """
    SELECT name, customer, grand_total
    FROM `tab{0}`
    WHERE docstatus = 1
      AND posting_date >= %(from_date)s
    ORDER BY posting_date DESC
""".format(doctype)
print(query)
html = '''<table>
  <tr><td>{name}</td><td>{total:,.2f}</td></tr>
</table>'''
print(html.format(name='Acme', total=1234.5))
print(len(query.splitlines()), query.strip().split()[0])
