from datetime import date, datetime, time, timedelta
import datetime as dtmod
print(date.min, date.max, date.resolution)
print(datetime.min, datetime.max, datetime.resolution)
print(time.min, time.max, time.resolution)
print(timedelta.min, timedelta.max, timedelta.resolution)
print(dtmod.MINYEAR, dtmod.MAXYEAR)
print(repr(date.max), repr(timedelta.min))
