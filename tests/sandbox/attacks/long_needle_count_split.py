# attack: count, split and partition with an adversarial long needle
# expect: ok
# output: 0 1 3
s = "a" * 4000000
needle = "a" * 2000000 + "b"
print(s.count(needle), len(s.split(needle)), len(s.rpartition(needle)))
