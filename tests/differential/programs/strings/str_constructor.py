print(str(), str(''), str(123), str(-1.5), str([1, '2']), str((1,)), str({'a': 'b'}), str(None), str(b'ab'))
print(str(b'caf\xc3\xa9', 'utf-8'), str(b'x', encoding='ascii'), repr(str(1e100)))
