def register(f):
    return f


def checked(f):
    return f.missing_attribute


@register
@checked
def handler():
    pass
