# attack: exception groups
# expect: compile-error
try:
    pass
except* ValueError:
    pass
