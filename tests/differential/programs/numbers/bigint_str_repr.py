n = 7 ** 100
print(n)
print(str(n)[:10], len(str(n)), repr(-n)[:5], hex(n)[:12], oct(n)[-5:], bin(n)[-8:])
print(f"{n:,}"[:20], f"{10**25:_}", f"{-10**20:x}", f"{2**70:e}", f"{3**40:,d}")
