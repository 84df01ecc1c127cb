s = 'abc'
print(f"[{s:10}]", f"[{s:<10}]", f"[{s:>10}]", f"[{s:^10}]", f"[{s:*^9}]", f"[{s:.2}]", f"[{s:>8.1}]", f"[{s:=<6}]")
print(f"[{'':5}]", f"[{'é':^5}]", f"[{'long string':5}]", f"[{s:s}]")
try:
    f"{s:d}"
except ValueError as e:
    print(e)
try:
    f"{s:+}"
except ValueError as e:
    print(e)
