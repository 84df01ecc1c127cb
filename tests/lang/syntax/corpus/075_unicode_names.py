café = 'coffee'
naïve = True
日本 = 'japan'
Σ = sum
print(café, naïve, 日本, Σ([1, 2]))
