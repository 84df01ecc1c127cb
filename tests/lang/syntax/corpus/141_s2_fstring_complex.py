items = [{"name": "a", "price": 1.5}]
lines = [f"{i:>3}. {item['name']:<10} {item['price']:>8.2f}" for i, item in enumerate(items, 1)]
header = f"{'Name':<10}{'Price':>8}"
total = f"Total: {sum(item['price'] for item in items):,.2f}"
nested = f"{f'{1 + 1}'!r}"
debug = f"{items[0]['name']=}"
