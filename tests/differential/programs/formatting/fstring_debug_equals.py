a, b = 3, 'txt'
print(f"{a=}", f"{b=}", f"{a + 1 = }", f"{b=!s}", f"{a=:>5}", f"{a*2=}", f"{b.upper()=}")
