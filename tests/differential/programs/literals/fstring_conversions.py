s = 'héllo\n'
print(f"{s!r}", f"{s!s}", f"{s!a}")
n = 42
print(f"{n!r:>6}", f"{'x'!r:^7}")
print(f"{n=}", f"{n = }", f"{n=:08.3f}", f"{s=!s}")
print(f"{n * 2=}", f"{[1, 2]=}")
