# attack: a generator resuming itself
# expect: error ValueError generator already executing
def g():
    yield next(it)
it = g()
next(it)
