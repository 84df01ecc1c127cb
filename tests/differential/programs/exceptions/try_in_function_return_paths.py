def safe_div(a, b):
    try:
        result = a / b
    except ZeroDivisionError:
        return None
    except TypeError as e:
        return f'type: {e}'
    else:
        return round(result, 3)
print(safe_div(1, 3), safe_div(1, 0), safe_div('a', 2), safe_div(10, 4))
