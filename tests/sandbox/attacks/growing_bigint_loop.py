# attack: each step costs more (n = 3 * n): steps are charged by size
# expect: error ScriptTimeoutError|ScriptMemoryError
n = 3
while True:
    n = 3 * n
