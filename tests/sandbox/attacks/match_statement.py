# attack: match class patterns (attribute access by pattern)
# expect: compile-error
match 1:
    case int(real=r):
        pass
