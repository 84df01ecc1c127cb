data = {"x": {"y": 1}}
print((data) [ "x" ][ "y" ])
value = (data) [ "x" ][ "z" ]
