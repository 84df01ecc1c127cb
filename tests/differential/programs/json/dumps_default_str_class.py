import json
class Money:
    def __init__(self, v):
        self.v = v
    def __str__(self):
        return "Money(%s)" % self.v
print(json.dumps({"total": Money(5)}, default=str))
print(json.dumps([Money(1), Money(2)], default=lambda m: m.v * 10))
