for v in ['abc', 'é', '日本', '😀', 'a\nb', ['é'], {'k': 'ü'}, 1.5, None]:
    print(ascii(v), repr(v))
