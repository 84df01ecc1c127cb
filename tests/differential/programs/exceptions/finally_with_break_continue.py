out = []
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        out.append(f'body{i}')
    finally:
        out.append(f'finally{i}')
print(out)
def f():
    try:
        return 'try'
    finally:
        out.append('finally in f')
print(f(), out[-1])
