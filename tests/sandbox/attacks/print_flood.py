# attack: millions of lines of output
# expect: error ScriptOutputError output limit of 65536 bytes exceeded
while True:
    print("spam spam spam spam")
