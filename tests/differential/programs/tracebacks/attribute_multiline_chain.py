text = "  Hello  "
result = (
    text
    .strip()
    .missing_method()
)
