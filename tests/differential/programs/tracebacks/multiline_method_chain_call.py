s = "abc"
r = s.upper(
).nope(1,
  2)
