# attack: coroutines (frames the policy cannot see)
# expect: compile-error
async def f():
    pass
