# A file that is only comments and blank lines is valid and prints nothing.

# (exit 0, empty output)
