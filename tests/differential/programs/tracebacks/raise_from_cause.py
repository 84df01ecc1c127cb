class ValidationError(Exception):
    pass


def validate(row):
    try:
        return row["qty"] * 2
    except KeyError as e:
        raise ValidationError("row has no qty") from e


print(validate({"qty": 2}))
print(validate({}))
