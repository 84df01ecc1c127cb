"""One REST request to a bench server with the Administrator's API token.

  rest.py BASE TOKEN METHOD PATH [JSON]

Prints the answer's body; a non-2xx answer stops with its body on stderr.
The path is quoted here ("/api/resource/Server Script" is fine).
"""
import sys
import urllib.error
import urllib.parse
import urllib.request


def request(base, token, method, path, body=None):
    data = body.encode() if body is not None else None
    request = urllib.request.Request(base + urllib.parse.quote(path, safe="/?=&"), data=data,
                                     method=method,
                                     headers={"Content-Type": "application/json",
                                              "Authorization": "token " + token})
    try:
        return urllib.request.urlopen(request).read().decode()
    except urllib.error.HTTPError as e:
        raise SystemExit(f"{method} {path}: {e.code}\n{e.read().decode()}")


if __name__ == "__main__":
    base, token, method, path, *body = sys.argv[1:]
    print(request(base, token, method, path, *body))
