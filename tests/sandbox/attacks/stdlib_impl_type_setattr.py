# attack: the same through setattr on the class of a timedelta
# stdlib: yes
# expect: error TypeError immutable type
import datetime
setattr(type(datetime.timedelta(1)), "days", 5)
