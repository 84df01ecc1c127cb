try:
    before = doc_before_save
except NameError:
    before = None
print('before:', before)
def uses_missing():
    return missing_helper(1)
try:
    uses_missing()
except NameError as e:
    print(e)
