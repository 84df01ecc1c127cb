-- wrk script: every request inserts one ToDo through the REST API.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"description": "inserted by wrk", "status": "Open", "priority": "Medium"}'

-- WRK_STOP_AFTER: a fixed number of inserts per thread (bench/lib/stop_after.lua).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/stop_after.lua")
