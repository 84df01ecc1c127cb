def classify(n):
    result = []
    for i in range(n):
        if i % 2 == 0:
            if i % 3 == 0:
                result.append('six')
            else:
                for j in range(i):
                    if j == 2:
                        result.append('j2')
                        break
                else:
                    result.append('small')
        else:
            while i > 0:
                i -= 4
            result.append(i)
    return result
print(classify(10))
