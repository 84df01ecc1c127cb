def ship(order, *, carrier="post"):
    return order + " via " + carrier


print(ship("A1", carrier="ups"))
print(ship("A2", courier="dhl"))
