try:
    value = int(raw)
except ValueError as exc:
    raise frappe.ValidationError(f"Not a number: {raw!r}") from exc
except (TypeError, AttributeError):
    value = 0
else:
    value *= 2
finally:
    frappe.log("parsed")
