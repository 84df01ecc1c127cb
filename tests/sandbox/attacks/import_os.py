# attack: plain import
# expect: error ImportError ImportError: __import__ not found
# never: imported
import os
print("imported")
