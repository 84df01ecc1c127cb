# attack: a relative import
# expect: compile-error relative imports are not supported
from . import x
