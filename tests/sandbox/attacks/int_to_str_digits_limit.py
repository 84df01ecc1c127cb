# attack: converting a huge int to text (CPython 3.11 caps at 4300 digits)
# expect: error ValueError Exceeds the limit (4300 digits) for integer string conversion
str(7 ** 100000)
