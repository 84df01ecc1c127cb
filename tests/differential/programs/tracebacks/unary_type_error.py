amount = "5"
refund = -amount
