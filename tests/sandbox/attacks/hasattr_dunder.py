# attack: probing for dunders answers False
# expect: ok
# output: False False True
print(hasattr((), "__class__"), hasattr(len, "__self__"), hasattr([], "append"))
