def convert(text):
    try:
        return int(text)
    except ValueError:
        return float(text.replace(",", "."))


print(convert("3"))
print(convert("3,5"))
print(convert("three"))
