words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', '', 'a', 'ab', 'B']
print(sorted(words))
print('a' < 'b', 'A' < 'a', 'Z' < 'a', 'abc' < 'abd', 'abc' < 'ab', '' < 'a')
print('é' > 'z', '10' < '9', 'a' * 3 == 'aaa', max(words), min(words))
