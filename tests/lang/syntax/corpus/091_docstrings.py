"""Module docstring."""
def f():
    """Function docstring."""
class A:
    """Class docstring.

    With more lines.
    """
    def m(self):
        'single-quoted docstring'
        return 1
