def search(L, target):
    i = 0
    while i < len(L):
        if L[i] == target:
            print('found', target, 'at', i)
            break
        i += 1
    else:
        print(target, 'not found')
search([4, 5, 6], 5)
search([4, 5, 6], 9)
search([], 1)
