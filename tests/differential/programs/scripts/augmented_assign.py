total = 0
total += 5
total -= 2
total *= 10
total /= 4
print(total)
n = 17
n //= 3
print(n)
n %= 4
print(n)
n **= 5
print(n)
s = 'ab'
s *= 3
print(s)
L = [1]
L += [2, 3]
L *= 2
print(L)
d = {'count': 1}
d['count'] += 10
print(d)
