for qty in [0, 1, 5, 100]:
    label = 'none' if qty == 0 else 'one' if qty == 1 else 'many'
    print(qty, label)
score = 72
grade = 'A' if score >= 90 else ('B' if score >= 75 else 'C')
print(grade)
x = None
print((x if x is not None else 'n/a'), ('yes' if [] else 'no'))
