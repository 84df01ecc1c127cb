print(f"{value=}", f"{value!r:>10}", f"{value = :.3f}")
print("%s=%r" % ("value", value))
print("value:", value, sep="\t", end="")
