items = [('apple', 1.5, 3), ('kiwi', 0.25, 12)]
for name, price, qty in items:
    print(f"{name:<8}|{price:>6.2f}|{qty:>3d}|{price * qty:>8,.2f}|{'yes' if qty > 5 else 'no':^5}|{name.upper()[:3]!r}")
w = 10
print(f'{"centered":^{w}}|{3.14159:.{2}f}|{{literal}}|{[1, 2][0]}|{ {"a": 1}["a"] }|{len(items)=}')
