a = """line1
line2 "quoted" 'single'
  indented"""
print(a)
b = '''x''' + """y"""
print(b, len(a.splitlines()))
c = """\
no leading newline"""
print(repr(c))
