def read_lines(lines):
    for line in lines:
        yield line.rstrip("\n")
def non_empty(lines):
    return (line for line in lines if line.strip())
def numbered(lines, start=1):
    for number, line in enumerate(lines, start):
        yield f"{number:4d}: {line}"
output = list(numbered(non_empty(read_lines(["a\n", "\n", "b\n"]))))
