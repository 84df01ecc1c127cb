match = 1
case = 2
_ = 3
match.attr = 4
match[0] = 5
match(a)
print(match, case, _)
def match(case): return case
type = 4
