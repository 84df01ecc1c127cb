words = ['zebra', 'Äpfel', 'apple', 'éclair', 'Zoo', '日本', 'ß', 'ss', '']
print(sorted(words))
print([w.lower() for w in sorted(words, key=str.casefold)])
print(max(words), min(words[:-1]))
