"""Posts N ToDos one after another over one keep-alive connection.

  insert_driver.py BASE TOKEN N

Used by count_insert.sh: a fixed, sequential load, so what a tool counts on
the server (instructions under callgrind, syscalls under strace) divides by
N cleanly. Stops on the first non-2xx answer.
"""
import http.client
import sys
import urllib.parse

BODY = b'{"description": "inserted by the driver", "status": "Open", "priority": "Medium"}'


def main():
    base, token, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
    headers = {"Content-Type": "application/json", "Authorization": "token " + token}
    for _ in range(count):
        connection.request("POST", "/api/resource/ToDo", BODY, headers)
        answer = connection.getresponse()
        body = answer.read()
        if answer.status // 100 != 2:
            raise SystemExit(f"insert_driver: {answer.status} {body.decode()}")


if __name__ == "__main__":
    main()
