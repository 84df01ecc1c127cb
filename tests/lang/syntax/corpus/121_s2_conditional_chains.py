grade = "A" if score >= 90 else "B" if score >= 80 else "C" if score >= 70 else "F"
status = (
    "active" if user.enabled and not user.locked
    else "locked" if user.locked
    else "disabled"
)
