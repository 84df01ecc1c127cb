data = {
    "a": 1,
    "b": int("x"),
}
