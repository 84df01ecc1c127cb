# attack: an uncaught exception whose __str__ never returns (runs while the error is reported)
# expect: error Boom
class Boom(Exception):
    def __str__(self):
        while True:
            pass
raise Boom()
