# attack: drop into a debugger
# expect: compile-error Line 3: "breakpoint" is a reserved name.
breakpoint()
