try:
    a
except:
    b
try:
    a
except E:
    b
try:
    a
except E as e:
    b
try:
    a
except (A, B) as e:
    b
except C:
    c
else:
    d
finally:
    e
try:
    a
finally:
    b
try:
    pass
except A.B as e:
    raise
except:
    raise X
else:
    pass
