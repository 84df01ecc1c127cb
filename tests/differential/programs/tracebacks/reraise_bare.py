def risky(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        print("logging and re-raising")
        raise


print(risky(2))
print(risky(0))
