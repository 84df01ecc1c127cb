stack = []
for i in range(4):
    stack.append(i)
while stack:
    print('pop', stack.pop())
queue = ['a', 'b', 'c']
while queue:
    item = queue.pop(0)
    print('got', item)
    if item == 'a':
        queue.append('d')
