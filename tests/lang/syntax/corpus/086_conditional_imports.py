try:
    import json
except ImportError:
    json = None
if json is not None:
    from json import dumps as to_json, loads
else:
    to_json = str
