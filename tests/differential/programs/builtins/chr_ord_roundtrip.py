s = 'Hello, Wörld! 🌍'
codes = [ord(c) for c in s]
print(codes)
print(''.join(chr(c) for c in codes) == s, ''.join(chr(c + 1) for c in range(64, 70)))
