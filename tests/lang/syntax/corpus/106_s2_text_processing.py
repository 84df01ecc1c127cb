text = "The quick brown fox jumps over the lazy dog"
words = text.split()
counts = {}
for word in words:
    key = word.lower().strip(".,!?")
    counts[key] = counts.get(key, 0) + 1
longest = max(words, key=len)
title = " ".join(w[:1].upper() + w[1:] for w in words)
acronym = "".join(w[0] for w in words if w[0].isupper())
