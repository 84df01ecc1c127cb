# attack: patch a process-wide class of the standard library (shared by every isolate)
# stdlib: yes
# expect: error TypeError immutable type
import datetime
datetime.date.today = lambda: "pwned"
