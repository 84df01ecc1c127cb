d = {'key': 'value', 'n': 3}
print(f"{d['key']} {d['n']}")
print(f'{d["key"]}')
print(f"""{'inner "double"'}""")
print(f"{'a' + 'b'!r}", f"{'x':>{d['n'] + 2}}|")
print(f"{{literal braces}} {{{d['n']}}}")
print(f"{ d['n'] * 2 }", f"{d['n']:{'>'}{5}}")
