# attack: the receiver of a bound method
# expect: compile-error "__self__" is an invalid attribute name because it starts with "_".
[].append.__self__
