x = 1
s = f"""
value: {x}
repr: {x!r}
  indented: {x:>4}
"""
t = (f'a{x}'
     f'b{x}'
     'c')
