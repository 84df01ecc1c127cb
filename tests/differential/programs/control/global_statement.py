counter = 0
def bump(n=1):
    global counter
    counter += n
    return counter
print(bump(), bump(5), counter)
def make():
    global created
    created = 'yes'
make()
print(created)
def reads_only():
    return counter * 2
print(reads_only())
