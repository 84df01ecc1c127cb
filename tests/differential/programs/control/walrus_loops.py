data = [5, 3, 0, 7]
idx = 0
while (v := data[idx]) != 0:
    print('value', v)
    idx += 1
print('stopped at', idx)
results = [r for x in range(6) if (r := x * x % 5) > 1]
print(results, r)
if any((hit := w) == 'b' for w in 'abc'):
    print('hit', hit)
