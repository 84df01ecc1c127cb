class ValidationError(Exception):
    pass
qty = -5
if qty < 0:
    raise ValidationError(f'Row 1: Quantity cannot be negative ({qty})')
