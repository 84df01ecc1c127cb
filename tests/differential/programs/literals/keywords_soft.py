match = 1
case = 2
_ = 3
type = 'shadowed'
print(match + case + _, type)
del type
print(type(1).__name__)
