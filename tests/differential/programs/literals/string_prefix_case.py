print(R'\d', Rb'\d' if False else 'x', U'unicode', F'{1 + 1}', fR'{2}\n', Rf'\t{3}', rb'\x00'.hex() if False else '-')
print(u'same' == 'same', type(U'x').__name__, f'{"nested"}', rf'{"a"}\b')
