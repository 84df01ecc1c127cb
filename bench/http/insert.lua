-- wrk script: every request inserts one ToDo through the REST API.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"description": "inserted by wrk", "status": "Open", "priority": "Medium"}'
