limits = [10, "20", 30]
for limit in limits:
    if limit > 15:
        print("over", limit)
