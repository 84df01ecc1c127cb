text = """
    SELECT *
      FROM t
    WHERE x = 1
"""
lines = [l for l in text.split('\n') if l.strip()]
indent = min(len(l) - len(l.lstrip()) for l in lines)
print('\n'.join(l[indent:] for l in lines))
print(repr(text.strip()))
