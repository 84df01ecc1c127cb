words = ['pear', 'Apple', 'fig', 'banana']
print(max(words), min(words), max(words, key=len), min(words, key=str.lower), max(len(w) for w in words))
try:
    max(['a', 1])
except TypeError as e:
    print(e)
