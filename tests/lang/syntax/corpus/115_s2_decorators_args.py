@app.route("/api/<name>", methods=["GET", "POST"])
@require_login
def handler(name):
    return {"name": name}
@functools.lru_cache(maxsize=None)
def cached(n):
    return n
@property
def prop(self): return self._p
