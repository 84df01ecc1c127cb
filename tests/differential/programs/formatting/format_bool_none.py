print(f"{True}", f"{False!r}", f"{True:d}", f"{True:>6}", f"{True:5.1f}", '%s %d' % (True, False))
print(f"{None}", f"{None!r:>6}", '{}'.format(None), str(None).upper())
try:
    f"{None:>6}"
except TypeError as e:
    print(e)
