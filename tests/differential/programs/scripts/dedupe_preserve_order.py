emails = ['a@x.com', 'B@x.com', 'a@x.com', 'c@x.com', 'b@x.com']
seen = set()
unique = []
for e in emails:
    key = e.lower()
    if key not in seen:
        seen.add(key)
        unique.append(e)
print(unique, len(unique))
print(list(dict.fromkeys(e.lower() for e in emails)))
