# attack: a class body resolves names differently; hidden builtins stay hidden
# expect: error NameError name 'vars' is not defined
class C:
    v = vars
