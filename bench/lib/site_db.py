"""Direct access to a bench site's SQLite file, beside the running server.

  site_db.py empty DB TABLE...   delete every row of the tables and truncate
                                 the WAL, so a bench round starts on empty
                                 tables and an empty log like the round
                                 before it (inserts cost more as a table and
                                 the WAL grow)
  site_db.py count DB SQL...     print the number each SELECT COUNT answers,
                                 on one line

Only between bench rounds: the server is idle then, so the checkpoint can
take the whole log back.
"""
import sqlite3
import sys
import time


def empty(path, tables):
    db = sqlite3.connect(path, timeout=30)
    for table in tables:
        db.execute(f'DELETE FROM "{table}"')
    db.commit()
    # A checkpoint answers busy=1 while a server connection still reads an
    # old snapshot; the server is idle, so a few tries are enough.
    for _ in range(50):
        busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if not busy:
            break
        time.sleep(0.1)
    else:
        raise SystemExit(f"site_db: the WAL of {path} could not be truncated")
    db.close()


def count(path, queries):
    db = sqlite3.connect(path, timeout=30)
    print(*(db.execute(sql).fetchone()[0] for sql in queries))
    db.close()


if __name__ == "__main__":
    command, path, *rest = sys.argv[1:]
    if command == "empty":
        empty(path, rest)
    elif command == "count":
        count(path, rest)
    else:
        raise SystemExit(f"site_db: unknown command {command}")
