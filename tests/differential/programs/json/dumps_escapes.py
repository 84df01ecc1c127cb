import json
print(json.dumps("quote \" backslash \\ slash / nl \n cr \r tab \t bs \b ff \f"))
print(json.dumps("\x00\x01\x1f\x7f"))
print(json.dumps("\x00\x1f\x7f", ensure_ascii=False))
