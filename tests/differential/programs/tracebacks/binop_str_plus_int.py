label = "count: "
count = 3
message = label + count
