# attack: star import
# expect: compile-error "*" imports are not allowed.
from os import *
