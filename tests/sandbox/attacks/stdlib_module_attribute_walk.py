# attack: pivot from a bound module to its internals
# stdlib: yes
# expect: error AttributeError is an invalid attribute name
import json
getattr(json, "_" + "_dict__")
