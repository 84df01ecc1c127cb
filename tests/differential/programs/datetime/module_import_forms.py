import datetime
from datetime import date as D, timedelta as TD
print(datetime.date(2024, 1, 1) + datetime.timedelta(1), D(2024, 1, 1) - TD(1))
print(datetime.datetime(2024, 1, 1).date() == datetime.date(2024, 1, 1))
print(datetime.date, datetime.datetime, datetime.timedelta, datetime.time)
print(isinstance(datetime.datetime(2024, 1, 1), datetime.date))
