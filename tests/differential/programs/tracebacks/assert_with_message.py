def check_total(total):
    assert total >= 0, f"total must not be negative, got {total}"
    return total


print(check_total(5))
check_total(-1)
