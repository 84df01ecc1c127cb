try:
    try:
        try:
            int('a')
        except ValueError as e1:
            raise KeyError('k') from e1
    except KeyError as e2:
        raise RuntimeError('r')
except RuntimeError as e3:
    chain = []
    e = e3
    while e is not None:
        chain.append(f'{type(e).__name__}({e})')
        e = e.__cause__ or e.__context__
    print(' <- '.join(chain))
