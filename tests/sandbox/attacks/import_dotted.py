# attack: a dotted import of a submodule
# expect: compile-error dotted 'import os.path' needs 'as'
import os.path
