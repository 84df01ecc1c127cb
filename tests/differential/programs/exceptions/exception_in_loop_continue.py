values = ['1', '2', 'x', '4', None, '6']
total = 0
errors = []
for v in values:
    try:
        total += int(v)
    except ValueError as e:
        errors.append(str(e))
        continue
    except TypeError as e:
        errors.append(str(e))
        continue
    finally:
        pass
print(total)
for e in errors:
    print(e)
