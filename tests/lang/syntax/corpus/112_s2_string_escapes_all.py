s = "\\ \' \" \a \b \f \n \r \t \v \0 \1 \12 \123 \x00 \x7F \u0000 \uFFFF \U00010000"
t = 'no N escape'
u = "\q \% \z"
v = b"\\ \' \" \a \b \f \n \r \t \v \0 \377 \x80 \u1234 \N{x}"
