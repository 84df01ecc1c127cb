total = 0
count = 0
print('computing average')
avg = total / count
print(avg)
