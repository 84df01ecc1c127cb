s = "abc"
t = s[1:"x"]
