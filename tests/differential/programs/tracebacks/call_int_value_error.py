def parse_qty(text):
    return int(text)


print(parse_qty("12"))
print(parse_qty("twelve"))
