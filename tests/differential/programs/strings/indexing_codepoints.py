s = 'a😀bé日'
print(len(s), [c for c in s], s[1], s[-2], s[1:3], s[::-1], s[::2])
for i, c in enumerate(s):
    print(i, c, ord(c))
try:
    s[10]
except IndexError as e:
    print(e)
