import a
import a.b
import a.b.c
import a as b
import a.b as c
import a, b, c
import a as x, b as y
from a import b
from a import b as c
from a import b, c
from a import (b, c)
from a import (b, c,)
from a import (b as x,
               c as y)
from a.b import c
from . import a
from .. import a
from .a import b
from ..a.b import c
from ... import x
from .... import y
from a import *
from .a import *
