# attack: import of the framework itself
# expect: error ImportError __import__ not found
import frappe
