#!/usr/bin/env python3
"""Server Scripts in the running product, over real HTTP (issues 7 and 8).

Starts `quire serve` on a fresh site and a free loopback port, creates Server
Scripts through /api/resource/Server Script as a client would, and checks what
Frappe does: API scripts (GET/POST, guest rule, rate limit), DocType Event
scripts on REST inserts (Before Save sets a field, a validation throw is 417
with _server_messages and writes nothing, After Insert creates a ToDo), a
Permission Query script narrowing a plain user's list, scripts disabled
(ServerScriptNotEnabled), msgprints before an error kept in its
_server_messages, two `quire serve` processes on one site seeing each other's
script changes, and a Scheduler Event script run by `quire worker --burst`.

    scripts_e2e.py QUIRE_BINARY [--cron]

--cron instead checks that a `* * * * *` script runs on a live server (takes
up to two minutes of wall time, waiting for the minute).
"""

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

QUIRE = os.path.realpath(sys.argv[1])
WORK = tempfile.mkdtemp(prefix="quire-scripts-e2e-")
# QUIRE_TEST_FAULT_METHODS: serve offers its test-only fault method.
ENV = dict(os.environ, QUIRE_SITES_DIR=os.path.join(WORK, "sites"), QUIRE_TEST_FAULT_METHODS="1")
failures = []
PLAIN_PASSWORD = "plain-" + str(time.time_ns())


def quire(*args):
    done = subprocess.run([QUIRE, *args], env=ENV, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"quire {' '.join(args)} failed: {done.stdout}{done.stderr}")
    return done.stdout


def check(what, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + what + ("" if condition else f": {detail}"))
    if not condition:
        failures.append(what)


class Client:
    def __init__(self, base, auth=None):
        self.base, self.auth = base, auth

    def call(self, verb, path, body=None, query=None):
        url = self.base + urllib.parse.quote(path)
        if query:
            url += "?" + urllib.parse.urlencode(query)
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(url, data=data, method=verb)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if self.auth:
            request.add_header("Authorization", self.auth)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            raw = error.read()
            try:
                return error.code, json.loads(raw)
            except ValueError:
                return error.code, raw.decode(errors="replace")


def server_messages(body):
    """The text of every message in Frappe's _server_messages."""
    if not isinstance(body, dict) or "_server_messages" not in body:
        return []
    return [json.loads(m).get("message", "") for m in json.loads(body["_server_messages"])]


def start_server():
    err = open(os.path.join(WORK, "serve.err"), "w+")
    process = subprocess.Popen([QUIRE, "serve", "--port", "0", "--access-log", "off"],
                               env=ENV, stderr=err, stdout=subprocess.DEVNULL)
    for _ in range(600):
        err.seek(0)
        found = re.search(r"on http://127\.0\.0\.1:(\d+) ", err.read())
        if found:
            return process, f"http://127.0.0.1:{found.group(1)}"
        if process.poll() is not None:
            break
        time.sleep(0.1)
    err.seek(0)
    process.kill()
    raise RuntimeError("quire serve did not start: " + err.read())


def stop_server(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def token_for(user):
    keys = quire("generate-api-key", user)
    key = re.search(r"^api_key: (\S+)", keys, re.M).group(1)
    secret = re.search(r"^api_secret: (\S+)", keys, re.M).group(1)
    return "token " + key + ":" + secret


def make_script(admin, **fields):
    status, body = admin.call("POST", "/api/resource/Server Script", {"doctype": "Server Script", **fields})
    check(f"create Server Script {fields['name']}", status == 200, body)


def run_tests(admin, user, guest):
    # --- API scripts -----------------------------------------------------------
    make_script(admin, name="hello", script_type="API", api_method="e2e.hello", allow_guest=1,
                script='frappe.response["message"] = "hello " + frappe.form_dict.get("who", "world")\n')
    make_script(admin, name="private", script_type="API", api_method="e2e.private",
                script='frappe.flags = {"user": frappe.session.user}\n')
    make_script(admin, name="limited", script_type="API", api_method="e2e.limited", allow_guest=1,
                enable_rate_limit=1, rate_limit_count=3, rate_limit_seconds=3600,
                script='frappe.flags = "fine"\n')

    status, body = guest.call("GET", "/api/method/e2e.hello")
    check("API script GET as Guest (allow_guest)", (status, body) == (200, {"message": "hello world"}), (status, body))
    status, body = guest.call("POST", "/api/method/e2e.hello", {"who": "post"})
    check("API script POST with a JSON body", (status, body) == (200, {"message": "hello post"}), (status, body))
    status, body = guest.call("GET", "/api/v2/method/e2e.hello")
    check("API script through /api/v2", status == 200 and body.get("data") == "hello world", (status, body))
    status, body = guest.call("GET", "/api/method/e2e.private")
    check("API script without allow_guest refuses Guest (403 PermissionError)",
          status == 403 and body.get("exc_type") == "PermissionError", (status, body))
    status, body = user.call("GET", "/api/method/e2e.private")
    check("API script sees frappe.session.user", (status, body) == (200, {"message": {"user": "plain@example.com"}}),
          (status, body))

    results = [guest.call("GET", "/api/method/e2e.limited") for _ in range(4)]
    check("rate-limited API script: first 3 calls answer",
          all(r == (200, {"message": "fine"}) for r in results[:3]), results[:3])
    status, body = results[3]
    # Frappe: RateLimitExceededError is a ValidationError (417), spec §11.
    check("rate-limited API script: 4th call is RateLimitExceededError with Frappe's message",
          status == 417 and body.get("exc_type") == "RateLimitExceededError"
          and server_messages(body) == ["You hit the rate limit because of too many requests. Please try after sometime."],
          (status, body))

    make_script(admin, name="notify", script_type="API", api_method="e2e.notify",
                script='frappe.msgprint("noted")\nfrappe.flags = 1\n')
    status, body = admin.call("POST", "/api/method/e2e.notify")
    check("API script msgprint reaches _server_messages",
          status == 200 and body.get("message") == 1 and server_messages(body) == ["noted"], (status, body))

    # spec 2.2: a GET's writes are rolled back unless the script commits.
    make_script(admin, name="writer", script_type="API", api_method="e2e.writer",
                script='frappe.get_doc({"doctype": "ToDo", "description": "api " + frappe.form_dict.mode}).insert()\n'
                       'if frappe.form_dict.mode == "commit":\n    frappe.db.commit()\n')
    for mode in ("plain", "commit"):
        status, body = admin.call("GET", "/api/method/e2e.writer", query={"mode": mode})
        check(f"API script GET ({mode}) answers", status == 200, (status, body))
    status, body = admin.call("POST", "/api/method/e2e.writer", {"mode": "post"})
    check("API script POST answers", status == 200, (status, body))
    stored = {}
    for mode in ("plain", "commit", "post"):
        status, body = admin.call("GET", "/api/resource/ToDo",
                                  query={"filters": json.dumps([["description", "=", "api " + mode]])})
        stored[mode] = len(body["data"]) if status == 200 else None
    check("GET rolls back an API script's writes unless it commits; POST commits",
          stored == {"plain": 0, "commit": 1, "post": 1}, stored)

    # frappe.enqueue: a job after commit, run by serve's own workers as the caller.
    make_script(admin, name="job-target", script_type="API", api_method="e2e.job_target",
                script='frappe.get_doc({"doctype": "ToDo", "description": frappe.form_dict.text + " by " + frappe.session.user}).insert()\n')
    make_script(admin, name="enqueuer", script_type="API", api_method="e2e.enqueuer",
                script='frappe.enqueue("e2e.job_target", text="queued")\nfrappe.flags = "enqueued"\n')
    status, body = admin.call("POST", "/api/method/e2e.enqueuer")
    check("frappe.enqueue from an API script answers", (status, body) == (200, {"message": "enqueued"}), (status, body))
    found = []
    for _ in range(300):
        status, found = admin.call("GET", "/api/resource/ToDo",
                                   query={"filters": json.dumps([["description", "=", "queued by Administrator"]])})
        if status == 200 and found["data"]:
            break
        time.sleep(0.1)
    check("the enqueued job ran the API script as the caller", status == 200 and len(found["data"]) == 1,
          (status, found))

    status, body = admin.call("GET", "/api/method/quire.server_script_stats")
    stats = {row["name"]: row for row in body.get("message", [])} if status == 200 else {}
    check("script stats count the API script's runs",
          stats.get("hello", {}).get("executions") == 3 and stats["hello"]["failures"] == 0, (status, body))
    status, body = user.call("GET", "/api/method/quire.server_script_stats")
    check("script stats are for System Managers", status == 403, (status, body))

    # --- DocType Event scripts on REST writes ------------------------------------
    make_script(admin, name="note-before-save", script_type="DocType Event", reference_doctype="Note",
                doctype_event="Before Save",
                script='if doc.title.startswith("bs-"):\n    doc.content = "set by script"\n    frappe.msgprint("content set")\n'
                       'if doc.title == "forbidden":\n    frappe.throw("Title forbidden by a script")\n')
    make_script(admin, name="note-after-insert", script_type="DocType Event", reference_doctype="Note",
                doctype_event="After Insert",
                script='frappe.get_doc({"doctype": "ToDo", "description": "follow up " + doc.name}).insert()\n')

    status, body = admin.call("POST", "/api/resource/Note", {"title": "bs-one"})
    check("Before Save script sets a field on a REST insert",
          status == 200 and body["data"]["content"] == "set by script", (status, body))
    check("its msgprint reaches the REST response's _server_messages", server_messages(body) == ["content set"], body)
    note_name = body["data"]["name"] if status == 200 else "bs-one"
    status, stored = admin.call("GET", f"/api/resource/Note/{note_name}")
    check("the field set by the script is stored", status == 200 and stored["data"]["content"] == "set by script",
          (status, stored))
    status, todos = admin.call("GET", "/api/resource/ToDo",
                               query={"filters": json.dumps([["description", "=", "follow up " + note_name]]),
                                      "fields": json.dumps(["name"])})
    check("After Insert script created a ToDo", status == 200 and len(todos["data"]) == 1, (status, todos))

    status, body = admin.call("POST", "/api/resource/Note", {"title": "forbidden"})
    check("validation script's frappe.throw is 417 ValidationError",
          status == 417 and body.get("exc_type") == "ValidationError", (status, body))
    check("its message reaches _server_messages", "Title forbidden by a script" in server_messages(body), body)
    status, notes = admin.call("GET", "/api/resource/Note",
                               query={"filters": json.dumps([["title", "=", "forbidden"]])})
    check("the refused insert wrote nothing", status == 200 and notes["data"] == [], (status, notes))

    # Frappe keeps what was msgprinted before a throw in the error's _server_messages.
    make_script(admin, name="todo-warn-then-throw", script_type="DocType Event", reference_doctype="ToDo",
                doctype_event="Before Save",
                script='if doc.description == "warn then throw":\n    frappe.msgprint("first warning")\n'
                       '    frappe.msgprint("second warning")\n    frappe.throw("stopped after warnings")\n')
    status, body = admin.call("POST", "/api/resource/ToDo", {"description": "warn then throw"})
    check("msgprints before a DocType Event script's throw stay in the error's _server_messages",
          status == 417 and server_messages(body) == ["first warning", "second warning", "stopped after warnings"],
          (status, body))
    make_script(admin, name="api-warn-then-throw", script_type="API", api_method="e2e.warn_then_throw",
                script='frappe.msgprint("looked at it")\nfrappe.throw("API script refused")\n')
    status, body = admin.call("POST", "/api/method/e2e.warn_then_throw")
    check("msgprints before an API script's throw stay in the error's _server_messages",
          status == 417 and body.get("exc_type") == "ValidationError"
          and server_messages(body) == ["looked at it", "API script refused"], (status, body))
    make_script(admin, name="api-warn-then-fail", script_type="API", api_method="e2e.warn_then_fail",
                script='frappe.msgprint("about to fail")\nx = 1 / 0\n')
    status, body = admin.call("GET", "/api/method/e2e.warn_then_fail")
    messages = server_messages(body)
    check("a Python error after a msgprint: the msgprint, then the error's message",
          status == 500 and len(messages) == 2 and messages[0] == "about to fail"
          and "division by zero" in messages[1], (status, body))

    # --- Permission Query -------------------------------------------------------
    for priority in ("High", "Low"):
        status, body = admin.call("POST", "/api/resource/ToDo", {"description": "pq " + priority, "priority": priority})
        check(f"insert a {priority} ToDo", status == 200, (status, body))
    query = {"fields": json.dumps(["name", "priority"]), "filters": json.dumps([["description", "like", "pq %"]])}
    status, before = user.call("GET", "/api/resource/ToDo", query=query)
    check("a plain user lists both ToDos before the script",
          status == 200 and sorted(r["priority"] for r in before["data"]) == ["High", "Low"], (status, before))
    make_script(admin, name="todo-pq", script_type="Permission Query", reference_doctype="ToDo",
                script="conditions = \"priority = 'High'\"\n")
    status, after = user.call("GET", "/api/resource/ToDo", query=query)
    check("Permission Query script narrows the plain user's list",
          status == 200 and [r["priority"] for r in after["data"]] == ["High"], (status, after))
    status, body = admin.call("DELETE", "/api/resource/Server Script/todo-pq")
    check("delete the Permission Query script", status == 202 or status == 200, (status, body))
    status, after = user.call("GET", "/api/resource/ToDo", query=query)
    check("deleting it widens the list again", status == 200 and len(after["data"]) == 2, (status, after))

    # --- Scheduler Event script (run below by the worker) ---------------------------
    make_script(admin, name="nightly", script_type="Scheduler Event", event_frequency="Daily",
                script='frappe.get_doc({"doctype": "ToDo", "description": "made by the scheduler"}).insert()\n'
                       'print("scheduled run done")\n')
    status, types = admin.call("GET", "/api/resource/Scheduled Job Type",
                               query={"filters": json.dumps([["server_script", "=", "nightly"]]),
                                      "fields": json.dumps(["name", "method", "frequency"])})
    check("Scheduler Event script made its Scheduled Job Type",
          status == 200 and len(types["data"]) == 1 and types["data"][0]["frequency"] == "Daily", (status, types))
    return types["data"][0]["name"] if status == 200 and types["data"] else None


def wait_for(admin, doctype, filters, fields=("name",)):
    """The rows of `doctype` matching `filters`, waiting up to 30 s for a
    background job of the server to write them."""
    status, found = None, {"data": []}
    for _ in range(300):
        status, found = admin.call("GET", f"/api/resource/{doctype}",
                                   query={"filters": json.dumps(filters), "fields": json.dumps(list(fields))})
        if status == 200 and found["data"]:
            break
        time.sleep(0.1)
    return found["data"] if status == 200 else []


def run_engine_gaps(admin, base):
    """Issue 7's last pieces: frappe.enqueue of whitelisted methods that are
    not scripts, Error Logs of failing scripts (with what they printed),
    a server-side 500 after a msgprint, execute-script with the site config,
    Workflow Task scripts, next_execution written on save."""
    # frappe.enqueue of a whitelisted method that is not a script: serve's workers run it.
    make_script(admin, name="client-enqueuer", script_type="API", api_method="e2e.client_enqueuer",
                script='frappe.enqueue("frappe.client.insert", doc={"doctype": "ToDo", "description": "by frappe.client"})\n'
                       'frappe.flags = "queued"\n')
    status, body = admin.call("POST", "/api/method/e2e.client_enqueuer")
    check("frappe.enqueue of frappe.client.insert answers", (status, body) == (200, {"message": "queued"}), (status, body))
    rows = wait_for(admin, "ToDo", [["description", "=", "by frappe.client"]])
    check("the job ran the whitelisted method frappe.client.insert", len(rows) == 1, rows)
    make_script(admin, name="bad-enqueuer", script_type="API", api_method="e2e.bad_enqueuer",
                script='frappe.enqueue("frappe.get_user")\n')
    status, body = admin.call("POST", "/api/method/e2e.bad_enqueuer")
    check("frappe.enqueue of a method that is not whitelisted is PermissionError at once",
          status == 403 and body.get("exc_type") == "PermissionError", (status, body))

    # frappe.call of a method that changes the session (login) leaves the script's user alone.
    make_script(admin, name="call-login", script_type="API", api_method="e2e.call_login",
                script='frappe.call("login", usr="plain@example.com", pwd=frappe.form_dict.pwd)\n'
                       'frappe.flags = frappe.session.user\n')
    status, body = admin.call("POST", "/api/method/e2e.call_login", {"pwd": PLAIN_PASSWORD})
    check("frappe.call('login') does not change who the script runs as",
          (status, body) == (200, {"message": "Administrator"}), (status, body))

    # An enqueued API script that fails: its output reaches the job and an Error Log.
    make_script(admin, name="failing-job", script_type="API", api_method="e2e.failing_job",
                script='print("job printed this")\nvalues = {}\nvalues["missing"]\n')
    make_script(admin, name="failing-enqueuer", script_type="API", api_method="e2e.failing_enqueuer",
                script='frappe.enqueue("e2e.failing_job")\n')
    status, body = admin.call("POST", "/api/method/e2e.failing_enqueuer")
    check("enqueue a failing API script", status == 200, (status, body))
    logs = wait_for(admin, "Error Log", [["method", "=", "e2e.failing_job"]], ("method", "error"))
    check("a failed frappe.enqueue job leaves an Error Log titled with its method", len(logs) == 1, logs)
    error = logs[0]["error"] if logs else ""
    check("its Error Log has the traceback and what the script printed",
          "KeyError: 'missing'" in error and "job printed this" in error, error)
    listing = json.loads(quire("jobs", "list", "--status", "failed", "--json"))
    errors = [job.get("error") or "" for job in listing
              if isinstance(job.get("args"), dict) and job["args"].get("method") == "e2e.failing_job"]
    check("the job is recorded as failed with the traceback",
          len(errors) == 1 and "KeyError: 'missing'" in errors[0], listing)

    # A request failing in a script with a server error: an Error Log with its output.
    make_script(admin, name="broken-api", script_type="API", api_method="e2e.broken",
                script='print("request printed this")\nx = 1 / 0\n')
    status, body = admin.call("POST", "/api/method/e2e.broken")
    check("a script's ZeroDivisionError is a 500", status == 500, (status, body))
    logs = wait_for(admin, "Error Log", [["method", "=", "/api/method/e2e.broken"]], ("method", "error"))
    error = logs[0]["error"] if logs else ""
    check("the failed request's Error Log has the traceback and what the script printed",
          len(logs) == 1 and "ZeroDivisionError: division by zero" in error and "request printed this" in error,
          logs)
    status, body = admin.call("POST", "/api/method/e2e.warn_then_throw")
    status, logs = admin.call("GET", "/api/resource/Error Log",
                              query={"filters": json.dumps([["method", "like", "%warn_then_throw%"]])})
    check("frappe.throw (417) is an answer, not an Error Log", status == 200 and logs["data"] == [], (status, logs))

    # A 500 the server raises itself after a msgprint (test-only fault method).
    status, body = admin.call("POST", "/api/method/quire.test.msgprint_then_fail")
    check("a server-side 500 after a msgprint keeps only the msgprint in _server_messages",
          status == 500 and server_messages(body) == ["printed before the fault"], (status, body))
    check("... and its internal text out of the messages",
          "tabSecret" not in body.get("_server_messages", "") if isinstance(body, dict) else False, body)

    # execute-script reads the site config: the make_*_request allow-list.
    port = base.rsplit(":", 1)[1]
    make_script(admin, name="net-probe", script_type="Scheduler Event", event_frequency="Yearly",
                script='try:\n    print(frappe.make_get_request("' + base + '/api/method/ping"))\n'
                       'except Exception as e:\n    print(str(type(e)).split(chr(39))[1])\n')
    out = quire("execute-script", "net-probe")
    check("execute-script without an allow-list: loopback refused", out.startswith("BlockedRequest\n"), out)
    quire("set-config", "server_script_http_allow", json.dumps(["127.0.0.1:" + port]))
    try:
        out = quire("execute-script", "net-probe")
        check("execute-script reads the site config's allow-list", out.startswith("{'message': 'pong'}\n"), out)
    finally:
        quire("set-config", "server_script_http_allow", "[]")

    # Workflow Task: accepted as a script type, run for a document from the CLI.
    make_script(admin, name="close-task", script_type="Workflow Task",
                script='print("closing", doc.description)\ndoc.status = "Closed"\ndoc.save()\n')
    status, body = admin.call("POST", "/api/resource/ToDo", {"description": "workflow target"})
    name = body["data"]["name"] if status == 200 else "?"
    out = quire("execute-script", "close-task", "--doc", "ToDo/" + name)
    check("execute-script runs a Workflow Task for --doc", out == f"closing workflow target\nran close-task for ToDo/{name}\n", out)
    status, body = admin.call("GET", f"/api/resource/ToDo/{name}")
    check("the Workflow Task's save is committed", status == 200 and body["data"]["status"] == "Closed", (status, body))

    # next_execution written when a Scheduler Event script is saved (spec §12 case 18).
    make_script(admin, name="new-year", script_type="Scheduler Event", event_frequency="Cron",
                cron_format="0 0 1 1 *", script="pass\n")
    rows = wait_for(admin, "Scheduled Job Type", [["server_script", "=", "new-year"]], ("next_execution",))
    next_execution = rows[0]["next_execution"] if rows else ""
    check("saving a Cron script writes next_execution (1 January)", next_execution[4:19] == "-01-01 00:00:00", rows)
    status, body = admin.call("PUT", "/api/resource/Server Script/new-year", {"cron_format": "61 * * * *"})
    check("a bad cron is refused with Frappe's message",
          status == 417 and "61 * * * * is not a valid Cron expression." in server_messages(body), (status, body))


def until_answer(admin, want_status):
    """The server looks at common_site_config.json at most once a second."""
    for _ in range(100):
        status, body = admin.call("GET", "/api/method/e2e.hello")
        if status == want_status:
            break
        time.sleep(0.1)
    return status, body


def run_disabled(admin):
    quire("set-config", "-g", "server_script_enabled", "0")
    status, body = until_answer(admin, 403)
    check("scripts disabled: API script answers ServerScriptNotEnabled (403)",
          status == 403 and body.get("exc_type") == "ServerScriptNotEnabled", (status, body))
    status, body = admin.call("POST", "/api/resource/Note", {"title": "bs-disabled"})
    check("scripts disabled: a write with a DocType Event script is refused",
          status == 403 and body.get("exc_type") == "ServerScriptNotEnabled", (status, body))
    quire("set-config", "-g", "server_script_enabled", "1")
    status, body = until_answer(admin, 200)
    check("scripts enabled again", status == 200, (status, body))


def run_two_servers(admin_token):
    """The script map cache of one `quire serve` notices scripts another
    process on the same site creates, changes and deletes."""
    first, first_base = start_server()
    try:
        second, second_base = start_server()
    except Exception:
        stop_server(first)
        raise
    try:
        one, two = Client(first_base, admin_token), Client(second_base, admin_token)

        def answer_from_second(want):
            for _ in range(100):  # a process compares its map with the table every 100 ms
                status, body = two.call("GET", "/api/method/e2e.shared")
                if (status, body.get("message") if isinstance(body, dict) else body) == want:
                    break
                time.sleep(0.05)
            return status, body

        # Seen once by the second server before the script exists (caches an empty answer).
        status, body = two.call("GET", "/api/method/e2e.shared")
        check("second server: no e2e.shared yet", status == 404, (status, body))
        make_script(one, name="shared", script_type="API", api_method="e2e.shared", script='frappe.flags = "v1"\n')
        status, body = answer_from_second((200, "v1"))
        check("second server runs a script created through the first", (status, body) == (200, {"message": "v1"}),
              (status, body))
        status, body = one.call("PUT", "/api/resource/Server Script/shared", {"script": 'frappe.flags = "v2"\n'})
        check("change the script through the first server", status == 200, (status, body))
        status, body = answer_from_second((200, "v2"))
        check("second server runs the changed script", (status, body) == (200, {"message": "v2"}), (status, body))
        make_script(one, name="shared-todo", script_type="DocType Event", reference_doctype="ToDo",
                    doctype_event="Before Save",
                    script='if doc.description == "second":\n    doc.description = "seen by second"\n')
        for _ in range(100):
            status, body = two.call("POST", "/api/resource/ToDo", {"description": "second"})
            if status != 200 or body["data"]["description"] != "second":
                break
            time.sleep(0.05)
        check("second server fires a DocType Event script created through the first",
              status == 200 and body["data"]["description"] == "seen by second", (status, body))
        status, body = one.call("DELETE", "/api/resource/Server Script/shared")
        check("delete the script through the first server", status in (200, 202), (status, body))
        for _ in range(100):
            status, body = two.call("GET", "/api/method/e2e.shared")
            if status == 404:
                break
            time.sleep(0.05)
        check("second server no longer runs the deleted script", status == 404, (status, body))
    finally:
        stop_server(second)
        stop_server(first)


def run_scheduled(admin_token, job_type):
    quire("jobs", "enqueue", "quire.run_scheduled_job", "--args", json.dumps({"job_type": job_type}))
    quire("worker", "--burst", "--threads", "1")
    listing = quire("jobs", "list")
    scheduled = [line for line in listing.splitlines() if "quire.run_scheduled_job" in line]
    check("the worker finished the scheduled job",
          len(scheduled) == 1 and "  finished  " in scheduled[0], listing)
    process, base = start_server()
    try:
        admin = Client(base, admin_token)
        status, todos = admin.call("GET", "/api/resource/ToDo",
                                   query={"filters": json.dumps([["description", "=", "made by the scheduler"]])})
        check("Scheduler Event script ran in the worker", status == 200 and len(todos["data"]) == 1, (status, todos))
        status, logs = admin.call("GET", "/api/resource/Scheduled Job Log",
                                  query={"filters": json.dumps([["scheduled_job_type", "=", job_type]]),
                                         "fields": json.dumps(["status", "details"])})
        check("its Scheduled Job Log shows the run",
              status == 200 and len(logs["data"]) == 1 and logs["data"][0]["status"] == "Complete", (status, logs))
    finally:
        stop_server(process)


def run_cron():
    """issue 8: a `* * * * *` Scheduler Event script runs on a live quire serve
    (its own scheduler and workers), within a couple of minutes."""
    quire("new-site", "cron.local", "--admin-password", "admin-" + str(time.time_ns()))
    quire("set-config", "-g", "server_script_enabled", "1")
    admin_token = token_for("Administrator")
    process, base = start_server()
    try:
        admin = Client(base, admin_token)
        make_script(admin, name="every-minute", script_type="Scheduler Event", event_frequency="Cron",
                    cron_format="* * * * *",
                    script='frappe.get_doc({"doctype": "ToDo", "description": "cron tick"}).insert()\n')
        found = []
        for _ in range(1500):  # the next minute boundary, then the worker
            status, found = admin.call("GET", "/api/resource/ToDo",
                                       query={"filters": json.dumps([["description", "=", "cron tick"]])})
            if status == 200 and found["data"]:
                break
            time.sleep(0.1)
        check("a * * * * * Scheduler Event script ran on the live server",
              status == 200 and len(found["data"]) >= 1, (status, found))
    finally:
        stop_server(process)


def main():
    if "--cron" in sys.argv:
        try:
            run_cron()
        finally:
            shutil.rmtree(WORK, ignore_errors=True)
        print("all passed" if not failures else f"{len(failures)} failed: {failures}")
        return 1 if failures else 0
    try:
        quire("new-site", "e2e.local", "--admin-password", "admin-" + str(time.time_ns()))
        quire("set-config", "-g", "server_script_enabled", "1")
        # The job runs once, from the worker below, not when serve's scheduler finds it due.
        quire("set-config", "pause_scheduler", "1")
        quire("add-user", "plain@example.com", "--password", PLAIN_PASSWORD)
        admin_token, user_token = token_for("Administrator"), token_for("plain@example.com")
        process, base = start_server()
        try:
            admin = Client(base, admin_token)
            job_type = run_tests(admin, Client(base, user_token), Client(base))
            run_engine_gaps(admin, base)
            rows = json.loads(quire("script-stats", "--port", base.rsplit(":", 1)[1], "--json"))
            runs = {row["name"]: row["executions"] for row in rows}
            check("quire script-stats reads the server's counters", runs.get("hello") == 3, rows)
            run_disabled(admin)
        finally:
            stop_server(process)
        run_two_servers(admin_token)
        if job_type:
            run_scheduled(admin_token, job_type)
    finally:
        if not os.environ.get("QUIRE_E2E_KEEP"):
            shutil.rmtree(WORK, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failed: {failures}")
        return 1
    print("all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
