# str/bytes replace (counts, empty old), expandtabs and bytes.join: their results are
# sized before they are built, which must not change what they return.
for t in ["", "a", "abc", "aaaa", "héllo wörld", "ababab"]:
    for old in ["", "a", "ab", "ö", "zz"]:
        for new in ["", "X", "YYY", "é"]:
            for count in [-1, 0, 1, 2, 10]:
                print(repr(t.replace(old, new, count)), end=" ")
                print(repr(t.encode().replace(old.encode(), new.encode(), count)), end=" ")
        print()
for t in ["a\tb", "\t\t", "ab\ncd\te", "é\tx", "", "x" * 9 + "\t|"]:
    for n in [-1, 0, 1, 4, 8, 13]:
        print(repr(t.expandtabs(n)), end=" ")
    print()
print(b"-".join([b"a", b"bc", b""]), b"".join([]), b", ".join((b"x",)))
try:
    b"".join([b"a", "b"])
except TypeError as e:
    print(e)
