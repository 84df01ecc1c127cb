import os, sys as system
from os import path, sep as separator
from os.path import (join,
                     dirname)
from . import sibling
from .pkg.module import name as alias
