"""Builds random but valid, terminating, deterministic Python programs (used by generate.py).

Every generated program:
  * binds each variable with a value of one fixed type before any statement uses it, and
    only ever assigns that variable values of the same type, so expressions are well-typed;
  * wraps every statement that can raise (division, indexing, int(), overflow, ...) in
    try/except printing the exception type and message, so errors are compared, not fatal;
  * bounds every loop by a literal, and passes assigned ints, strs and lists through
    cap() so values cannot grow without limit across iterations;
  * never prints a set of strings or anything whose text depends on hashing or addresses.
"""

import random

INT_LITERALS = [0, 1, 2, 3, 5, 7, 10, 12, 42, 100, 255, 1000, -1, -2, -7, -100, 2**31 - 1, -2**31, 2**32,
                2**63 - 1, -2**63, 2**63, 2**64, -2**64 - 1, 10**18, 10**20, -10**25, 3**40, 123456789]
FLOAT_LITERALS = ['0.0', '-0.0', '0.1', '0.5', '1.5', '2.5', '-3.75', '2.675', '1.005', '0.125', '1e10', '1.5e-7',
                  '1e16', '123.456', '-0.001', '3.141592653589793', '1e300', '7.0', '1e-320', '99.995', '0.3']
STR_LITERALS = ["'abc'", "'Hello World'", "''", "'  pad '", "'a,b,,c'", "'ÄÖü straße'", "'日本語'",
                "'x\\ty'", '"it\'s"', "'123'", "'-42'", "'3.5'", "'Mixed Case_words'", "'aaa'", "'a b  c'",
                "'INV-0001'", "'None'", "'😀ok'"]
DICT_KEYS = ["'a'", "'b'", "'qty'", "'rate'", "'x y'", "'é'"]
INT_SPECS = ['d', '5d', '+d', ',', '_', 'x', '#x', 'X', 'o', '#b', '08d', '>10', '<6', '^9', ',d', '.2f', 'e',
             '+,', ' d', '*^12', '%', 'g', '-^7', '=+8']
FLOAT_SPECS = ['.2f', ',.2f', '.0f', 'e', '.3e', 'g', '.4g', '10.3f', '+.1f', '%', '.1%', '', '>12', '08.2f',
               '.10g', ',', '_.3f', 'E', '#.0f', '<9.1f', '^+11.2e', ' .3f', 'G', '.1']
STR_SPECS = ['', '>8', '<8', '^9', '*^10', '.2', '>6.3', '=<5', 's']
SEPARATORS = ["','", "' '", "'a'", "'-'", "', '", "''"]
CHARS = [32, 65, 97, 126, 160, 233, 0x3b1, 0x5d0, 0x20ac, 0x65e5, 0x1F600]
EXCEPTION_CLAUSES = ['ZeroDivisionError', '(IndexError, KeyError)', 'ValueError', 'TypeError', 'ArithmeticError',
                     'LookupError', 'OverflowError']
TYPES = ['int', 'float', 'str', 'bool', 'list', 'slist', 'dict', 'tuple']

PRELUDE = '''def cap(v):
    # Keeps assigned values small so bounded loops stay fast.
    if isinstance(v, int) and not -2 ** 100 < v < 2 ** 100:
        return v % 1000003
    if isinstance(v, (str, list)) and len(v) > 40:
        return v[:40]
    return v


'''


class ProgramGenerator:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.lines = []
        self.indent = 0
        self.vars = {t: [] for t in TYPES}
        self.functions = []  # (name, param types, return type)
        self.fresh = 0
        self.loop_depth = 0
        self.block_depth = 0
        self.readonly = set()  # while-loop counters: assigning them could make a loop endless

    # ---- helpers -------------------------------------------------------------------------
    def emit(self, text):
        for line in text.split('\n'):
            self.lines.append('    ' * self.indent + line)

    def name(self, prefix):
        self.fresh += 1
        return f'{prefix}{self.fresh}'

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    def small(self, lo=-3, hi=12):
        return self.r.randint(lo, hi)

    def targets(self, t):
        return [v for v in self.vars[t] if v not in self.readonly]

    def two_field_fstring(self, a, b):
        if any(c in a + b for c in '"\\{'):
            return f"(repr({a}) + ' and ' + str({b}))"
        return 'f"{' + a + '!r} and {' + b + '!s}"'

    def fstring(self, inner, suffix, before='', after=''):
        """f"{inner<suffix>}" where suffix is ':spec', '!r', '!s' or '='. CPython 3.11 forbids
        backslashes and the enclosing quote inside replacement fields: fall back to calls then."""
        if '"' in inner or '\\' in inner:
            if suffix.startswith(':'):
                return f'format({inner}, {suffix[1:]!r})'
            return f'str({inner})' if suffix == '!s' else f'repr({inner})'
        if inner.startswith('{'):
            inner = ' ' + inner + ' '
        return 'f"' + before + '{' + inner + suffix + '}' + after + '"'

    # ---- expressions by type -------------------------------------------------------------
    def expr(self, t, depth=0):
        if depth >= 3 or self.chance(0.25):
            return self.leaf(t)
        return getattr(self, 'expr_' + t)(depth + 1)

    def leaf(self, t):
        if self.vars[t] and self.chance(0.7):
            return self.pick(self.vars[t])
        return self.literal(t)

    def literal(self, t):
        if t == 'int':
            if self.chance(0.15):
                v = self.r.randint(-2**90, 2**90)
                return f'({v})' if v < 0 else str(v)
            if self.chance(0.1):
                return self.pick(['0xff', '0o17', '0b1011', '1_000_000', '0x7FFF_FFFF_FFFF_FFFF'])
            v = self.pick(INT_LITERALS) if self.chance(0.5) else self.small(-20, 50)
            return f'({v})' if v < 0 else str(v)
        if t == 'float':
            if self.chance(0.3):
                return repr(round(self.r.uniform(-1000, 1000), self.r.randint(0, 4)))
            v = self.pick(FLOAT_LITERALS)
            return f'({v})' if v.startswith('-') else v
        if t == 'str':
            return self.pick(STR_LITERALS)
        if t == 'bool':
            return self.pick(['True', 'False'])
        if t == 'list':
            return '[' + ', '.join(self.literal('int') for _ in range(self.r.randint(0, 5))) + ']'
        if t == 'slist':
            return '[' + ', '.join(self.pick(STR_LITERALS) for _ in range(self.r.randint(0, 4))) + ']'
        if t == 'dict':
            keys = self.r.sample(DICT_KEYS, self.r.randint(0, 4))
            return '{' + ', '.join(f'{k}: {self.literal("int")}' for k in keys) + '}'
        if t == 'tuple':
            n = self.r.randint(0, 4)
            items = [self.literal('int') for _ in range(n)]
            return '(' + ', '.join(items) + (',' if n == 1 else '') + ')'
        raise ValueError(t)

    def any_sized(self, depth):
        t = self.pick(['str', 'list', 'slist', 'dict', 'tuple'])
        return self.expr(t, depth)

    def expr_int(self, d):
        e = lambda t='int': self.expr(t, d)  # noqa: E731
        choices = [
            lambda: f'({e()} {self.pick(["+", "-", "*"])} {e()})',
            lambda: f'({e()} {self.pick(["//", "%"])} {e()})',
            lambda: f'({e()} ** {self.r.randint(0, 3)})',
            lambda: f'({e()} {self.pick(["&", "|", "^"])} {e()})',
            lambda: f'({e()} {self.pick(["<<", ">>"])} {self.r.randint(0, 70)})',
            lambda: f'({self.pick(["-", "~", "+"])}{e()})',
            lambda: f'abs({e()})',
            lambda: f'len({self.any_sized(d)})',
            lambda: f'int({e("float")})',
            lambda: f'int({e("str")})',
            lambda: f'round({e("float")})',
            lambda: f'sum({e("list")})',
            lambda: f'{self.pick(["min", "max"])}({e("list")})',
            lambda: f'{self.pick(["min", "max"])}({e()}, {e()})',
            lambda: f'({e()} if {e("bool")} else {e()})',
            lambda: f'{e("dict")}.get({self.pick(DICT_KEYS)}, {e()})',
            lambda: f'{e("dict")}[{self.pick(DICT_KEYS)}]',
            lambda: f'{e("list")}[{e()}]',
            lambda: f'{e("tuple")}[{self.small()}]',
            lambda: f'{e("str")}.{self.pick(["find", "count", "rfind"])}({self.pick(STR_LITERALS)})',
            lambda: f'{e("list")}.index({e()})',
            lambda: f'pow({e()}, {e()}, {self.pick(["7", "1000003", "2 ** 64", "-5", "0"])})',
            lambda: f'(int({e("bool")}) + {e()})',
            lambda: f'divmod({e()}, {e()})[{self.r.randint(0, 1)}]',
            lambda: f'int({e("str")}, {self.pick(["16", "0", "2", "36"])})',
            lambda: f'len([x for x in {e("list")} if x {self.pick(["<", ">", "!="])} {e()}])',
            lambda: f'sum(x * {self.small()} for x in {e("list")})',
            lambda: f'({e("int")}).bit_length()',
        ]
        choices += self.call_choices('int', d)
        return self.pick(choices)()

    def expr_float(self, d):
        e = lambda t='float': self.expr(t, d)  # noqa: E731
        choices = [
            lambda: f'({e()} {self.pick(["+", "-", "*"])} {e()})',
            lambda: f'({e(self.pick(["int", "float"]))} / {e(self.pick(["int", "float"]))})',
            lambda: f'({e()} {self.pick(["//", "%"])} {e()})',
            lambda: f'({e()} ** {self.r.randint(0, 3)})',
            lambda: f'float({e("int")})',
            lambda: f'float({self.pick(["1.5", "-2e3", "inf", "nan", "1_0.25", " 7 ", "abc", "1e400"])!r})',
            lambda: f'round({e()}, {self.r.randint(-2, 4)})',
            lambda: f'abs({e()})',
            lambda: f'(-{e()})',
            lambda: f'{self.pick(["min", "max"])}({e()}, {e()})',
            lambda: f'({e()} if {e("bool")} else {e()})',
            lambda: f'({e("int")} * {e()})',
            lambda: f'float({e("str")})',
            lambda: f'sum([{e()}, {e()}, {e()}])',
        ]
        return self.pick(choices)()

    def slice_text(self):
        parts = [self.pick(['', str(self.small(-6, 8))]) for _ in range(2)]
        step = self.pick(['', '', '1', '2', '-1', '-2', '3'])
        return f'[{parts[0]}:{parts[1]}' + (f':{step}]' if step else ']')

    def expr_str(self, d):
        e = lambda t='str': self.expr(t, d)  # noqa: E731
        choices = [
            lambda: f'({e()} + {e()})',
            lambda: f'({e()} * {self.r.randint(-1, 3)})',
            lambda: f'{e()}{self.slice_text()}',
            lambda: f'{e()}[{self.small(-4, 5)}]',
            lambda: f'{e()}.{self.pick(["upper", "lower", "title", "strip", "swapcase", "capitalize", "lstrip", "rstrip", "casefold"])}()',
            lambda: f'{e()}.replace({self.pick(STR_LITERALS)}, {self.pick(STR_LITERALS)})',
            lambda: f'{e()}.{self.pick(["center", "ljust", "rjust"])}({self.r.randint(0, 16)}, {self.pick(SEPARATORS[1:5])})',
            lambda: f'{e()}.zfill({self.r.randint(0, 10)})',
            lambda: f'{self.pick(SEPARATORS)}.join({e("slist")})',
            lambda: f'str({self.expr(self.pick(TYPES), d)})',
            lambda: f'repr({self.expr(self.pick(TYPES), d)})',
            lambda: self.fstring(self.expr('int', d), ':' + self.pick(INT_SPECS)),
            lambda: self.fstring(self.expr('float', d), ':' + self.pick(FLOAT_SPECS)),
            lambda: self.fstring(e(), ':' + self.pick(STR_SPECS), '<', '>'),
            lambda: self.two_field_fstring(e(), self.expr('int', d)),
            lambda: self.fstring(self.expr(self.pick(TYPES), d), '=') if self.chance(0.2) else e(),
            lambda: f"('%d|%s|%.3f' % ({self.expr('int', d)}, {e()}, {self.expr('float', d)}))",
            lambda: f"('%5.1f %x %r' % ({self.expr('float', d)}, {self.expr('int', d)}, {e()}))",
            lambda: f"'{{}}:{{:>6}}'.format({e()}, {self.expr('int', d)})",
            lambda: f'({e()} if {e("bool")} else {e()})',
            lambda: f'{e()}.removeprefix({self.pick(STR_LITERALS)})',
            lambda: f'{e()}.partition({self.pick(SEPARATORS[:4])})[{self.r.randint(0, 2)}]',
            lambda: f'{e()}.expandtabs({self.r.randint(0, 8)})',
            lambda: f'chr({self.pick(CHARS)})',
            lambda: f'{e("slist")}[{self.small(-3, 4)}]',
            lambda: f'format({self.expr("float", d)}, {self.pick(FLOAT_SPECS)!r})',
        ]
        choices += self.call_choices('str', d)
        return self.pick(choices)()

    def expr_bool(self, d):
        e = lambda t='bool': self.expr(t, d)  # noqa: E731
        cmp_type = self.pick(['int', 'int', 'float', 'str', 'list', 'tuple'])
        choices = [
            lambda: f'({self.expr(cmp_type, d)} {self.pick(["<", "<=", ">", ">=", "==", "!="])} {self.expr(cmp_type, d)})',
            lambda: f'({self.expr("int", d)} < {self.expr("int", d)} <= {self.expr("int", d)})',
            lambda: f'({self.expr("int", d)} == {self.expr("float", d)})',
            lambda: f'({e()} {self.pick(["and", "or"])} {e()})',
            lambda: f'(not {e()})',
            lambda: f'({self.expr("int", d)} {self.pick(["in", "not in"])} {self.expr("list", d)})',
            lambda: f'({self.expr("str", d)} in {self.expr("str", d)})',
            lambda: f'({self.pick(DICT_KEYS)} in {self.expr("dict", d)})',
            lambda: f'bool({self.expr(self.pick(TYPES), d)})',
            lambda: f'{self.expr("str", d)}.{self.pick(["isdigit", "isalpha", "isupper", "islower", "isspace", "istitle", "isalnum"])}()',
            lambda: f'{self.expr("str", d)}.{self.pick(["startswith", "endswith"])}({self.pick(STR_LITERALS)})',
            lambda: f'isinstance({self.expr(self.pick(TYPES), d)}, {self.pick(["int", "float", "str", "(list, tuple)", "bool"])})',
            lambda: f'{self.pick(["any", "all"])}({self.expr("list", d)})',
            lambda: f'({self.expr("float", d)} {self.pick(["<", ">", "=="])} {self.expr("int", d)})',
        ]
        return self.pick(choices)()

    def expr_list(self, d):
        e = lambda t='list': self.expr(t, d)  # noqa: E731
        choices = [
            lambda: f'({e()} + {e()})',
            lambda: f'({e()} * {self.r.randint(0, 3)})',
            lambda: f'{e()}{self.slice_text()}',
            lambda: f'sorted({e()})',
            lambda: f'sorted({e()}, reverse=True)',
            lambda: f'sorted({e()}, key=lambda v: ({self.pick(["-v", "v % 3", "abs(v)", "str(v)"])}, v))',
            lambda: f'[x {self.pick(["*", "+", "-", "//", "%"])} {self.expr("int", d)} for x in {e()}]',
            lambda: f'[x for x in {e()} if {self.pick(["x % 2", "x > 0", "x", "not x"])}]',
            lambda: f'list(range({self.small(-5, 5)}, {self.small(-5, 15)}, {self.pick(["1", "2", "3", "-1", "-2"])}))',
            lambda: f'[len(s) for s in {self.expr("slist", d)}]',
            lambda: f'list({self.expr("tuple", d)})',
            lambda: f'list({self.expr("dict", d)}.values())',
            lambda: f'[p * q for p in {e()}[:4] for q in range({self.r.randint(0, 3)})]',
            lambda: f'list(map(abs, {e()}))',
            lambda: f'[ord(c) for c in {self.expr("str", d)}][:6]',
            lambda: f'list(reversed({e()}))',
        ]
        choices += self.call_choices('list', d)
        return self.pick(choices)()

    def expr_slist(self, d):
        e = lambda t='slist': self.expr(t, d)  # noqa: E731
        choices = [
            lambda: f'{self.expr("str", d)}.split()',
            lambda: f'{self.expr("str", d)}.split({self.pick(SEPARATORS[:4])})',
            lambda: f'sorted({e()})',
            lambda: f'({e()} + {e()})',
            lambda: f'list({self.expr("dict", d)})',
            lambda: f'[s.upper() for s in {e()}]',
            lambda: f'[str(x) for x in {self.expr("list", d)}]',
            lambda: f'list({self.expr("str", d)})[:8]',
            lambda: f'{e()}{self.slice_text()}',
            lambda: f'sorted({e()}, key=len)',
            lambda: f'{self.expr("str", d)}.splitlines()',
        ]
        return self.pick(choices)()

    def expr_dict(self, d):
        e = lambda t='dict': self.expr(t, d)  # noqa: E731
        choices = [
            lambda: f'{{**{e()}, {self.pick(DICT_KEYS)}: {self.expr("int", d)}}}',
            lambda: f'dict(zip({self.expr("slist", d)}, {self.expr("list", d)}))',
            lambda: f'{{k: v {self.pick(["*", "+", "-"])} {self.expr("int", d)} for k, v in {e()}.items()}}',
            lambda: f'{{k: v for k, v in {e()}.items() if v {self.pick(["<", ">", "!="])} {self.expr("int", d)}}}',
            lambda: f'({e()} | {e()})',
            lambda: f'dict.fromkeys({self.expr("slist", d)}[:3], {self.expr("int", d)})',
        ]
        return self.pick(choices)()

    def expr_tuple(self, d):
        e = lambda t='tuple': self.expr(t, d)  # noqa: E731
        choices = [
            lambda: f'({self.expr("int", d)}, {self.expr("int", d)})',
            lambda: f'tuple({self.expr("list", d)})',
            lambda: f'({e()} + {e()})',
            lambda: f'{e()}{self.slice_text()}',
            lambda: f'divmod({self.expr("int", d)}, {self.expr("int", d)})',
            lambda: f'tuple(sorted({e()}))',
            lambda: f'({e()} * {self.r.randint(0, 2)})',
        ]
        return self.pick(choices)()

    def call_choices(self, t, d):
        out = []
        for fname, params, ret in self.functions:
            if ret != t:
                continue
            args = [self.expr(p, d) for p in params]
            if len(args) == 2 and self.chance(0.4):
                out.append(lambda fname=fname, args=args: f'{fname}({args[0]}, b={args[1]})')
            elif len(args) == 2 and self.chance(0.3):
                out.append(lambda fname=fname, args=args: f'{fname}({args[0]})')
            else:
                out.append(lambda fname=fname, args=args: f'{fname}({", ".join(args)})')
        return out

    # ---- statements -----------------------------------------------------------------------
    def guarded(self, body_lines):
        """try: <body> except <clauses>: print the exception."""
        self.emit('try:')
        self.indent += 1
        for line in body_lines:
            self.emit(line)
        self.indent -= 1
        if self.chance(0.3):
            clause = self.pick(EXCEPTION_CLAUSES)
            self.emit(f'except {clause} as e:')
            self.emit(f"    print('caught {clause}:', e)")
        self.emit('except Exception as e:')
        self.emit("    print('error', type(e).__name__, e)")
        if self.chance(0.1):
            self.emit('finally:')
            self.emit(f"    print('finally {self.fresh}')")

    def assign_text(self, t, target):
        value = self.expr(t)
        if t in ('int', 'str', 'list', 'slist'):
            value = f'cap({value})'
        return f'{target} = {value}'

    def stmt_print(self):
        t = self.pick(TYPES)
        exprs = [self.expr(t)]
        if self.chance(0.3):
            exprs.append(self.expr(self.pick(TYPES)))
        extra = self.pick(['', '', '', ", sep=' | '", ", end=';\\n'"])
        self.guarded([f'print({", ".join(exprs)}{extra})'])

    def stmt_assign(self):
        t = self.pick(TYPES)
        if self.targets(t) and self.chance(0.6):
            target = self.pick(self.targets(t))
            self.guarded([self.assign_text(t, target)])
        else:
            # A new variable: bind it safely first so later uses never hit NameError.
            target = self.name({'int': 'n', 'float': 'f', 'str': 's', 'bool': 'b', 'list': 'L',
                                'slist': 'W', 'dict': 'd', 'tuple': 't'}[t])
            self.emit(f'{target} = {self.literal(t)}')
            self.guarded([self.assign_text(t, target)])
            self.vars[t].append(target)

    def stmt_augmented(self):
        t = self.pick(['int', 'int', 'float', 'str', 'list'])
        if not self.targets(t):
            return self.stmt_assign()
        target = self.pick(self.targets(t))
        if t == 'int':
            op = self.pick(['+=', '-=', '*=', '//=', '%=', '&=', '|=', '^='])
            lines = [f'{target} {op} {self.expr("int")}', f'{target} = cap({target})']
        elif t == 'float':
            op = self.pick(['+=', '-=', '*=', '/='])
            lines = [f'{target} {op} {self.expr(self.pick(["int", "float"]))}']
        elif t == 'str':
            lines = [f'{target} += {self.expr("str")}', f'{target} = cap({target})']
        else:
            lines = [f'{target} += {self.expr("list")}', f'{target} = cap({target})']
        self.guarded(lines)

    def stmt_mutate(self):
        t = self.pick(['list', 'dict', 'slist'])
        if not self.vars[t]:
            return self.stmt_assign()
        v = self.pick(self.vars[t])
        if t == 'list':
            line = self.pick([
                f'{v}.append({self.expr("int")})', f'{v}.pop()', f'{v}.pop({self.small(-3, 3)})',
                f'{v}.insert({self.small(-3, 6)}, {self.expr("int")})', f'{v}.sort()', f'{v}.reverse()',
                f'{v}.extend({self.expr("list")})', f'del {v}[{self.small(-3, 3)}]',
                f'{v}[{self.small(-3, 3)}] = {self.expr("int")}', f'{v}.remove({self.expr("int")})',
                f'{v}.sort(key=lambda v: -v)', f'del {v}[{self.small(0, 2)}:{self.small(1, 4)}]'])
            self.guarded([line, f'{v} = cap({v})', f'print({v})'])
        elif t == 'slist':
            line = self.pick([f'{v}.append({self.expr("str")})', f'{v}.sort()', f'{v}.pop()',
                              f'{v}.insert(0, {self.expr("str")})', f'{v}.sort(key=str.lower, reverse=True)'])
            self.guarded([line, f'{v} = cap({v})', f'print({v})'])
        else:
            key = self.pick(DICT_KEYS)
            line = self.pick([f'{v}[{key}] = {self.expr("int")}', f'print({v}.pop({key}, None))', f'del {v}[{key}]',
                              f'{v}.update({self.expr("dict")})', f'print({v}.setdefault({key}, {self.expr("int")}))',
                              f'{v}[{key}] = cap({v}.get({key}, 0) + {self.expr("int")})',
                              f'print({v}.popitem())'])
            self.guarded([line, f'print({v})'])

    def condition_var(self):
        c = self.name('c')
        self.emit(f'{c} = False')
        self.guarded([f'{c} = {self.expr("bool")}'])
        return c

    def stmt_if(self):
        c = self.condition_var()
        self.emit(f'if {c}:')
        self.block()
        if self.chance(0.4):
            self.emit(f'elif {self.pick(self.vars["int"]) if self.vars["int"] else "0"} % 2 == 0:')
            self.block()
        if self.chance(0.5):
            self.emit('else:')
            self.block()

    def stmt_for(self):
        kind = self.pick(['range', 'list', 'str', 'dict', 'enumerate', 'zip'])
        i = self.name('i')
        added = []
        if kind == 'range' or (kind == 'list' and not self.vars['list']):
            self.emit(f'for {i} in range({self.small(-1, 2)}, {self.r.randint(1, 6)}):')
            added.append(('int', i))
        elif kind == 'list':
            self.emit(f'for {i} in {self.pick(self.vars["list"])}[:6]:')
            added.append(('int', i))
        else:
            # The iterable can raise: evaluate it under try first, into a fresh name.
            seq = self.name('seq')
            k = self.name('k')
            iterable, target = {
                'str': (lambda: f'list({self.expr("str")})[:5]', i),
                'dict': (lambda: f'list({self.expr("dict")}.items())[:5]', f'{k}, {i}'),
                'enumerate': (lambda: f'list(enumerate({self.expr("slist")}[:4], {self.small()}))', f'{k}, {i}'),
                'zip': (lambda: f'list(zip({self.expr("list")}[:5], {self.expr("str")}))', f'{k}, {i}'),
            }[kind]
            self.emit(f'{seq} = []')
            self.guarded([f'{seq} = {iterable()}'])
            self.emit(f'for {target} in {seq}:')
            added += {'str': [('str', i)], 'dict': [('str', k), ('int', i)],
                      'enumerate': [('int', k), ('str', i)], 'zip': [('int', k), ('str', i)]}[kind]
        self.loop_body(added)
        if self.chance(0.2):
            self.emit('else:')
            self.indent += 1
            self.emit(f"print('for-else', {self.fresh})")
            self.indent -= 1

    def stmt_while(self):
        w = self.name('w')
        self.emit(f'{w} = 0')
        self.emit(f'while {w} < {self.r.randint(1, 5)}:')
        self.indent += 1
        self.emit(f'{w} += 1')  # first, so `continue` cannot skip it
        self.indent -= 1
        self.readonly.add(w)
        self.loop_body([('int', w)], counter=w)
        self.readonly.discard(w)

    def loop_body(self, added, counter=None):
        # Names bound in the body (loop variables included) are usable in the body only:
        # after the loop they might be unbound.
        saved = {t: list(vs) for t, vs in self.vars.items()}
        for t, v in added:
            self.vars[t].append(v)
        self.loop_depth += 1
        self.indent += 1
        self.block_depth += 1
        for _ in range(self.r.randint(1, 3)):
            self.statement()
        if self.chance(0.4):
            c = self.condition_var()
            self.emit(f'if {c}:')
            self.emit(f'    {self.pick(["break", "continue"])}')
        self.block_depth -= 1
        self.indent -= 1
        self.loop_depth -= 1
        self.vars = saved

    def block(self):
        saved = {t: list(vs) for t, vs in self.vars.items()}  # names bound here may stay unbound
        self.indent += 1
        self.block_depth += 1
        for _ in range(self.r.randint(1, 3)):
            self.statement()
        self.block_depth -= 1
        self.indent -= 1
        self.vars = saved

    def stmt_unpack(self):
        if len(self.targets('int')) < 2:
            return self.stmt_assign()
        a, b = self.r.sample(self.targets('int'), 2)
        if self.chance(0.5):
            self.guarded([f'{a}, {b} = {b}, {a}', f'print({a}, {b})'])
        else:
            self.guarded([f'{a}, *rest, {b} = {self.expr("list")} + [1, 2]', f'{a} = cap({a})',
                          f'{b} = cap({b})', f'print({a}, rest, {b})'])

    def stmt_walrus(self):
        self.guarded([f'if (tmp := {self.expr("int")}) {self.pick(["<", ">", "!="])} {self.expr("int")}:',
                      '    print("walrus", tmp)'])

    def statement(self):
        kinds = [(self.stmt_print, 5), (self.stmt_assign, 5), (self.stmt_augmented, 3), (self.stmt_mutate, 3),
                 (self.stmt_unpack, 1), (self.stmt_walrus, 1)]
        if self.block_depth < 2:
            kinds += [(self.stmt_if, 2), (self.stmt_for, 2), (self.stmt_while, 1)]
        funcs, weights = zip(*kinds)
        self.r.choices(funcs, weights)[0]()

    # ---- functions ------------------------------------------------------------------------
    def function(self):
        ret = self.pick(['int', 'str', 'list', 'float'])
        params = [self.pick(['int', 'str', 'float']) for _ in range(self.r.randint(1, 2))]
        fname = self.name('fn')
        names = ['a', 'b'][:len(params)]
        sig = names[0] + (f', b={self.literal(params[1])}' if len(params) == 2 else '')
        saved = self.vars
        self.vars = {t: [] for t in TYPES}
        for n, p in zip(names, params):
            self.vars[p].append(n)
        self.emit(f'def {fname}({sig}):')
        self.indent += 1
        self.block_depth = 1
        for _ in range(self.r.randint(0, 2)):
            self.statement()
        value = self.expr(ret)
        if ret in ('int', 'str', 'list'):
            value = f'cap({value})'
        self.emit(f'return {value}')
        self.indent -= 1
        self.block_depth = 0
        self.emit('')
        self.vars = saved
        self.functions.append((fname, params, ret))

    def generator_function(self):
        fname = self.name('gen')
        self.emit(f'def {fname}(n):')
        self.emit('    for k in range(n):')
        self.emit(f'        yield k * {self.small(1, 5)} {self.pick(["+", "-", "%"])} {self.small(1, 4)}')
        self.emit(f'    yield from {self.literal("list")}')
        self.emit('')
        return fname

    def program(self, statements=None):
        for _ in range(self.r.randint(0, 3)):
            self.function()
        g = self.generator_function() if self.chance(0.3) else None
        for t in TYPES:
            v = self.name({'int': 'n', 'float': 'f', 'str': 's', 'bool': 'b', 'list': 'L',
                           'slist': 'W', 'dict': 'd', 'tuple': 't'}[t])
            self.emit(f'{v} = {self.literal(t)}')
            self.vars[t].append(v)
        if g:
            self.guarded([f'print(list({g}({self.r.randint(0, 5)})))'])
        for _ in range(statements or self.r.randint(12, 30)):
            self.statement()
        everything = [v for t in TYPES for v in self.vars[t]]
        self.emit(f'print({", ".join(everything)})')
        return PRELUDE + '\n'.join(self.lines) + '\n'


def generate(seed):
    gen = ProgramGenerator(seed)
    gen.functions = []
    text = gen.program()
    return text
