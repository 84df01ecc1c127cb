def process(v):
    try:
        try:
            return 10 / v
        except ZeroDivisionError:
            print('inner: zero')
            raise ValueError('converted') from None
        finally:
            print('inner finally')
    except ValueError as e:
        print('outer:', e, e.__cause__)
        return -1
    finally:
        print('outer finally')
print(process(2))
print(process(0))
