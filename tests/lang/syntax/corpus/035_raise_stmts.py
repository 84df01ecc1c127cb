raise
raise E
raise E()
raise E('msg')
raise E from e
raise E('x') from None
raise ValueError(f"bad {x!r}") from err
