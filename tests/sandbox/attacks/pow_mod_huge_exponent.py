# attack: modular pow whose exponent has millions of bits (minutes of native work)
# expect: error ScriptTimeoutError
pow(3, 10 ** 2000000, 10 ** 30000 + 7)
