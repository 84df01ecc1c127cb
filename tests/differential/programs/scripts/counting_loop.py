text = 'the quick brown fox jumps over the lazy dog the end'
counts = {}
for w in text.split():
    if w in counts:
        counts[w] += 1
    else:
        counts[w] = 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
letters = {}
for ch in text.replace(' ', ''):
    letters[ch] = letters.get(ch, 0) + 1
print(sorted(letters.items())[:6])
