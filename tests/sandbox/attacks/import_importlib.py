# attack: importlib to load anything
# expect: error ImportError __import__ not found
import importlib
importlib.import_module("os")
