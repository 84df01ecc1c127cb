a = 1; b = 2; c = 3
a; b; c;
if x: a; b
def f(): return 1; pass
import a; import b
