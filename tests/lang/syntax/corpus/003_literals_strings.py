a = 'single'
b = "double"
c = '''triple
single'''
d = """triple
double"""
e = 'it\'s'
f = "say \"hi\""
g = 'mixed "quotes" here'
h = "mixed 'quotes' here"
i = 'both \' and "'
j = ''
k = ""
l = """"""
m = 'tab\there\nnewline\rreturn'
n = '\a\b\f\v\0'
o = '\x41\x7e\x7f\x80\xff'
p = '\u00e9\u4e2d\U0001F600'
q = '\101\60\7\777'
r = 'backslash \\ end'
s = 'unknown \d \w escape'
t = 'line \
continuation'
