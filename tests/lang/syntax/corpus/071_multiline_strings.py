doc = """
    Multi-line
    documentation with 'quotes' and "doubles"
    and a trailing backslash \\
"""
query = '''
SELECT *
  FROM table
 WHERE x = 'y'
'''
raw = r"""raw \n triple"""
b = b"""bytes
triple"""
