try:
    {}["missing"]
except KeyError as error:
    print("handling", error)
    log.append(error)
