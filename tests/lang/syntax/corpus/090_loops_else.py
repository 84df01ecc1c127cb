for i in range(3):
    for j in range(3):
        if i == j:
            continue
        if i + j > 3:
            break
    else:
        print("inner done")
else:
    print("outer done")
while False:
    pass
else:
    print("while else")
