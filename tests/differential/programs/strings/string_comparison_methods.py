words = ['b', 'A', 'a', 'B', 'aa', 'ab', '']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, reverse=True))
print(min(words), max(words), 'abc'.__len__() if False else 3)
