for s in ['a', 'ab', 'abc', 'abcd']:
    for w in [5, 6]:
        print(f'[{s.center(w)}]', f'[{s:^{w}}]', f'[{"%*s" % (w, s)}]', f'[{"%-*s" % (w, s)}]')
