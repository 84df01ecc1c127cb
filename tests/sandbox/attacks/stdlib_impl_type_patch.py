# attack: reach the implementation class of a standard value through type() and patch it
# stdlib: yes
# expect: error TypeError immutable type
import datetime
T = type(datetime.date(2020, 1, 1))
T.isoformat = lambda self: "pwned"
