# attack: reach the code object of a function
# expect: compile-error "__code__" is an invalid attribute name because it starts with "_".
(lambda: 0).__code__.co_consts
