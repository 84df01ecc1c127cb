obj.if_ = 1
obj.match = 2
obj.case = 3
obj._ = 4
x = obj.match.case._
