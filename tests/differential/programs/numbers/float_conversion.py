print(float('1.5'), float('-1e5'), float('  3  '), float('1_000.5'), float(10 ** 20), float(True), float('.5'), float('5.'))
for bad in ['', 'abc', '1.2.3', '1e', '--1', '1_']:
    try:
        float(bad)
    except ValueError as e:
        print(e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(e)
try:
    float(None)
except TypeError as e:
    print(e)
