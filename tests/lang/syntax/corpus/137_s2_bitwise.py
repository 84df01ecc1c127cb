flags = READ | WRITE
masked = value & 0xFF
shifted = (value >> 4) & 0x0F
toggled = flags ^ EXEC
inverted = ~mask & 0xFFFF
combined = a | b & c ^ d << e >> f
