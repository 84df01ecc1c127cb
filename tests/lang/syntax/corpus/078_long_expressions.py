total = (a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p + q + r + s + t + u + v)
cond = a and b and c and d and e and f and g and h or i or j or k and l and m
chain = a < b < c < d < e < f < g
calls = f(g(h(i(j(k(l(m(n(o(p(1)))))))))))
nested = [[[[[[[[1]]]]]]]]
