name = None
print(f"Hello {name.title()}!")
