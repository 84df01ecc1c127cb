# attack: parsing a huge decimal string (CPython 3.11 caps at 4300 digits)
# expect: error ValueError Exceeds the limit (4300 digits) for integer string conversion
int("9" * 100000)
