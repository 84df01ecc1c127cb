words = ['banana', 'Apple', 'cherry', 'date', 'Elder', 'fig']
print(sorted(words, key=len), sorted(words, key=str.lower), sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=lambda w: w[-1]), sorted([3, -1, -4, 2], key=abs), sorted([3, -1, -4, 2], key=abs, reverse=True))
nums = [0.5, -2, 3, 1e-3, -0.0, 0]
print(sorted(nums), sorted(nums, reverse=True), sorted('hello'), sorted((3, 1, 2)), sorted({3: 'a', 1: 'b'}))
