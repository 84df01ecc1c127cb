# attack: replace with an adversarial long needle
# expect: ok
# output: 4000000
s = "a" * 4000000
print(len(s.replace("b" + "a" * 2000000, "x")))
