s = 'a\nb\r\nc\rd\x0be\x0cf\x1cg\u2028h'
print(s.splitlines(), s.splitlines(True), ''.splitlines(), 'x\n'.splitlines())
print(repr('a\tbc\td'.expandtabs()), repr('a\tb'.expandtabs(4)), repr('\t'.expandtabs(0)))
