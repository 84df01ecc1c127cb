"""Just enough of `frappe` and of a document for python3 to run the shared
bench scripts (validate_invoice.py, api_report.py) the way a Server Script
runs them, so quire's answers can be compared with CPython's."""


class Row:
    """A document or child row: attributes, None for a field never set."""

    def __init__(self, values, **more):
        self.__dict__.update(values, **more)

    def __getattr__(self, name):
        return None


class Utils:
    # Python's round: the bench amounts are never half-way between cents,
    # where frappe.utils.flt's rounding would differ.
    flt = staticmethod(lambda x, p=None: round(float(x or 0), p) if p is not None else float(x or 0))


class Frappe:
    utils = Utils

    @staticmethod
    def throw(message):
        raise Exception(message)
