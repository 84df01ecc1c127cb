def first_negative(values):
    for i, v in enumerate(values):
        if v < 0:
            return i, v
    return None
print(first_negative([1, 2, -3, -4]), first_negative([]), first_negative([0]))
def find_pair(L, target):
    for i in range(len(L)):
        for j in range(i + 1, len(L)):
            if L[i] + L[j] == target:
                return L[i], L[j]
    return 'none'
print(find_pair([1, 5, 7, 3], 10), find_pair([1, 2], 10))
