L = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
print(L[2:7], L[-3:], L[:-7], L[::3], L[::-3], L[7:2:-1], L[-1:-4:-1], L[100:], L[-100:2], L[5:1])
print(L[slice(1, 5, 2)], L[slice(None, None, -1)][:3], slice(1, 5).indices(3), slice(-1, None, -2).indices(10))
