def total(a, b, c):
    return a + b + c


result = total(
    1,
    2,
    "three",
)
