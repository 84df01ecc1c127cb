message = (
    "first part "
    f"second {part} "
    "third"
)
sql = ("select * "
       "from t "
       "where x = %s")
