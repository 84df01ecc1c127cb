# attack: the classic escape: walk from a literal to object's subclasses
# expect: compile-error Line 3: "__subclasses__" is an invalid attribute name because it starts with "_". (and 2 more)
().__class__.__bases__[0].__subclasses__()
