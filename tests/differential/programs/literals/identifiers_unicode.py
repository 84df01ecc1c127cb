café = 3
naïve_total = café * 2
_private = 1
__dunder_like = 2
Ω = 'omega'
print(café, naïve_total, _private, __dunder_like, Ω)
