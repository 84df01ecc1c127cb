# attack: from-import of a module attribute
# expect: error ImportError __import__ not found
from os import path
