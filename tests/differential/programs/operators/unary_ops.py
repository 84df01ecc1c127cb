x = 7
print(-x, +x, ~x, not x, -(-x), ~~x, - - - x)
f = 2.5
print(-f, +f, not 0.0, -0.0, +(-0.0))
print(-True, +False, ~True, ~False)
