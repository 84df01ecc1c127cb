"""The floor under quire's job throughput, measured in the same run: the two
SQLite write transactions every job costs (claim, then the job's own
transaction marking it finished), on a bare table with no indexes, triggers
or JSON, from CPython's sqlite3 module with quire's pragmas.

Usage: python3 sqlite_floor.py JOBS  -> prints "jobs/s cpu_jobs/s"
"""
import os
import sqlite3
import sys
import tempfile
import time

jobs = int(sys.argv[1])
with tempfile.TemporaryDirectory() as folder:
    db = sqlite3.connect(os.path.join(folder, "floor.db"), isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE q (id INTEGER PRIMARY KEY, status TEXT, worker TEXT)")
    db.execute("BEGIN")
    db.executemany("INSERT INTO q (status) VALUES ('queued')", [()] * jobs)
    db.execute("COMMIT")
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(jobs):
        row = db.execute(
            "UPDATE q SET status = 'running', worker = 'w' WHERE id = "
            "(SELECT id FROM q WHERE status = 'queued' ORDER BY id LIMIT 1) RETURNING id"
        ).fetchone()
        db.execute("BEGIN IMMEDIATE")
        db.execute("UPDATE q SET status = 'finished' WHERE id = ?", row)
        db.execute("COMMIT")
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{jobs / wall:.0f} {jobs / cpu:.0f}")
