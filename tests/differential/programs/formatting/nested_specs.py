width, prec = 10, 3
for v in [3.14159, 2.5, 1000.0]:
    print(f"[{v:{width}.{prec}f}]", f"[{v:>{width + 2}}]", f"[{v:{'*'}^{width}.{prec - 1}f}]")
fmt = '>8.2f'
print(f"[{1.5:{fmt}}]", '[{:{}.{}f}]'.format(2.25, 8, 1), '[{0:{fill}{align}{w}}]'.format('x', fill='-', align='^', w=5))
