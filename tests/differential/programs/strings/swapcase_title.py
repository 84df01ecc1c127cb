for s in ["hello world", "HELLO", "they're bill's friends", "hello-world_foo bar2baz", "ÀÉÎ õü", "3rd place"]:
    print(repr(s.swapcase()), repr(s.title()), s.istitle(), s.title().istitle())
