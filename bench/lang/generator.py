# Generator functions, generator expressions and yield from.
def countdown(n):
    while n > 0:
        yield n
        n -= 1


def chained(k):
    for i in range(k):
        yield from countdown(i % 10)


total = sum(x * 2 for x in chained(600))
evens = sum(1 for x in countdown(3000) if x % 2 == 0)
result = (total, evens)
