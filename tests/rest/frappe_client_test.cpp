// FrappeClient in a server script against a real `quire serve` on a free
// loopback port: every method of frappeclient.py (login with the session
// cookie or API keys, get_list paging, get_doc, insert/update/delete,
// insert_many, bulk_update, submit, cancel, rename_doc, set_value, get_value,
// get_single_value, get_api/post_api/get_request/post_request, logout), the
// remote's errors as the script sees them (FrappeException with the remote
// traceback, None where the answer has no traceback, a busy 503), the site
// root's `cmd` route older clients use, and the site's network rules (the
// server's port is allow-listed; any other loopback port is refused). What
// the script did is checked again through the REST API itself.

#include <sstream>
#include <utility>

#include "../scripting/scripting_fixture.h"
#include "rest_fixture.h"
#include "scripting/http_address_rules.h"
#include "write_lock.h"

namespace quire::rest_testing {
namespace {

using quire::scripting::HttpAllowList;
using quire::scripting::ScriptSettings;

class FrappeClientScripts : public quire::scripting::testing::ScriptingTest {
 public:
  static void SetUpTestSuite() {
    server = new RestServer();
    server->start();
    // A submittable DocType (submit/cancel) and one that may be renamed.
    auto admin = server->admin();
    for (const auto& doctype : Json::parse(R"([
        {"name": "Client Bill", "module": "Custom", "custom": 1, "autoname": "hash",
         "is_submittable": 1,
         "fields": [{"fieldname": "amount", "fieldtype": "Int", "label": "Amount"}],
         "permissions": [{"role": "System Manager", "read": 1, "write": 1, "create": 1,
                          "delete": 1, "submit": 1, "cancel": 1}]},
        {"name": "Client Tag", "module": "Custom", "custom": 1, "autoname": "prompt",
         "allow_rename": 1,
         "fields": [{"fieldname": "label", "fieldtype": "Data", "label": "Label"}],
         "permissions": [{"role": "System Manager", "read": 1, "write": 1, "create": 1,
                          "delete": 1}]}])")) {
      auto created = admin.post_json("/api/resource/DocType", doctype);
      ASSERT_EQ(created.status, 200) << created.body;
    }
  }
  static void TearDownTestSuite() {
    delete server;
    server = nullptr;
  }
  void configure(ScriptSettings& settings) override {
    settings.http.allow = HttpAllowList({"127.0.0.1:" + std::to_string(server->port())});
  }

  // The script with URL and PASSWORD bound to the server's.
  std::string run_client(const std::string& body) {
    return run("URL = 'http://127.0.0.1:" + std::to_string(server->port()) + "'\nPASSWORD = '" +
               kAdminPassword + "'\n" + body);
  }

  static RestServer* server;
};

RestServer* FrappeClientScripts::server = nullptr;

TEST_F(FrappeClientScripts, LoginInsertGetListGetDocUpdateDelete) {
  std::string out = run_client(R"(
c = FrappeClient(URL, "Administrator", PASSWORD)
d = c.insert({"doctype": "ToDo", "description": "from a client"})
print(d.doctype, d.description)
print(d.name)
rows = c.get_list("ToDo", fields=["name", "description"], filters={"name": d.name})
print(len(rows), rows[0]["description"])
print(c.get_doc("ToDo", d.name)["description"])
u = c.update({"doctype": "ToDo", "name": d.name, "description": "changed"})
print(u.description)
print(c.get_value("ToDo", "description", {"name": d.name}))
print(c.get_api("frappe.auth.get_logged_user"))
)");
  std::istringstream lines(out);
  std::string first, name;
  std::getline(lines, first);
  std::getline(lines, name);
  EXPECT_EQ(first, "ToDo from a client") << out;
  std::string rest((std::istreambuf_iterator<char>(lines)), std::istreambuf_iterator<char>());
  EXPECT_EQ(rest,
            "1 from a client\nfrom a client\nchanged\n{'description': 'changed'}\n"
            "Administrator\n");

  // The server holds what the script wrote; then the script deletes it.
  auto admin = server->admin();
  auto stored = admin.get("/api/resource/ToDo/" + name);
  ASSERT_EQ(stored.status, 200) << stored.body;
  EXPECT_EQ(stored.json["data"]["description"], "changed");
  EXPECT_EQ(run_client("c = FrappeClient(URL, 'Administrator', PASSWORD)\n"
                       "print(c.delete('ToDo', '" +
                       name + "'))\nprint(c.get_list('ToDo', filters={'name': '" + name + "'}))"),
            "None\n[]\n");
  EXPECT_EQ(admin.get("/api/resource/ToDo/" + name).status, 404);
}

TEST_F(FrappeClientScripts, WithLogsOutAndTheSessionCookieIsPerClient) {
  // post_api runs as the logged-in user inside the block; after __exit__'s
  // logout the same client is a Guest (refused: no exc for a Guest, so None),
  // while another client stays logged in.
  EXPECT_EQ(run_client(R"(
other = FrappeClient(URL, "Administrator", PASSWORD)
with FrappeClient(URL, "Administrator", PASSWORD) as c:
    print(c.post_api("frappe.auth.get_logged_user"))
print(c.get_api("frappe.auth.get_logged_user"))
print(other.get_api("frappe.auth.get_logged_user"))
print(FrappeClient(URL).get_api("frappe.auth.get_logged_user"))
)"),
            "Administrator\nNone\nAdministrator\nNone\n");
}

TEST_F(FrappeClientScripts, GetRequestSendsItsCmdWithListsAndDictsAsJson) {
  // preprocess turns the caller's list/dict values into JSON in place, as
  // Frappe's does; the cmd names the method.
  EXPECT_EQ(run_client(R"(
c = FrappeClient(URL, "Administrator", PASSWORD)
params = {"cmd": "frappe.client.get_value", "doctype": "User", "fieldname": ["name"],
          "filters": {"name": "Administrator"}}
print(c.get_request(params))
print(params["fieldname"], params["filters"], params["cmd"])
)"),
            "{'name': 'Administrator'}\n[\"name\"] {\"name\": \"Administrator\"} "
            "frappe.client.get_value\n");
}

TEST_F(FrappeClientScripts, ApiKeysAuthenticateWithATokenHeader) {
  auto admin = server->admin();
  auto keys = admin.post_form("/api/method/frappe.core.doctype.user.user.generate_keys",
                              {{"user", "Administrator"}});
  ASSERT_EQ(keys.status, 200) << keys.body;
  std::string key = keys.json["message"]["api_key"];
  std::string secret = keys.json["message"]["api_secret"];
  EXPECT_EQ(run_client("c = FrappeClient(URL, api_key='" + key + "', api_secret='" + secret +
                       "')\nprint(c.headers['Authorization'] == 'token " + key + ":" + secret +
                       "')\nprint(c.get_api('frappe.auth.get_logged_user'))"),
            "True\nAdministrator\n");
}

TEST_F(FrappeClientScripts, TheServersExceptionIsAFrappeException) {
  // A failed validation carries the traceback ("exc") for a System User: a
  // FrappeException with its text. A 404 carries none: Frappe's client then
  // finds neither "message" nor "data" and returns None.
  std::string out = run_client(R"(
c = FrappeClient(URL, "Administrator", PASSWORD)
try:
    c.insert({"doctype": "ToDo"})
except Exception as e:
    text = str(e)
    print(type(e))
    print(text.startswith("FrappeClient Request Failed\n\n"), "MandatoryError" in text)
print(c.get_doc("ToDo", "no-such-todo"))
)");
  EXPECT_EQ(out, "<class 'FrappeException'>\nTrue True\nNone\n");
}

// The last line of a script's output, and the lines before it.
std::pair<std::string, std::string> split_last_line(std::string out) {
  if (!out.empty() && out.back() == '\n') out.pop_back();
  auto cut = out.rfind('\n');
  if (cut == std::string::npos) return {"", out};
  return {out.substr(0, cut + 1), out.substr(cut + 1)};
}

TEST_F(FrappeClientScripts, SubmitInsertsAndSubmitsCancelCancels) {
  // frappe.client.submit takes the doc as JSON (a new one is inserted and
  // submitted); cancel names it. Both answer the document as a dict.
  auto [out, name] = split_last_line(run_client(R"(
c = FrappeClient(URL, "Administrator", PASSWORD)
d = c.submit({"doctype": "Client Bill", "amount": 7})
print(isinstance(d, dict), d["docstatus"], d["amount"])
x = c.cancel("Client Bill", d["name"])
print(x["docstatus"], x["name"] == d["name"])
print(d["name"])
)"));
  EXPECT_EQ(out, "True 1 7\n2 True\n");
  auto stored = server->admin().get("/api/resource/Client Bill/" + name);
  ASSERT_EQ(stored.status, 200) << stored.body;
  EXPECT_EQ(stored.json["data"]["docstatus"], 2);
}

TEST_F(FrappeClientScripts, InsertManyAnswersNamesAndBulkUpdateItsFailures) {
  // bulk_update saves each {"doctype", "docname", ...fields}; one that fails
  // is listed in failed_docs with its traceback, the others are saved.
  auto [out, names] = split_last_line(run_client(R"(
c = FrappeClient(URL, "Administrator", PASSWORD)
names = c.insert_many([{"doctype": "ToDo", "description": "many one"},
                       {"doctype": "ToDo", "description": "many two"}])
print(len(names), all(isinstance(n, str) for n in names))
r = c.bulk_update([{"doctype": "ToDo", "docname": names[0], "description": "bulk one"},
                   {"doctype": "ToDo", "docname": "no-such-todo", "description": "x"}])
print(sorted(r), len(r["failed_docs"]), r["failed_docs"][0]["doc"]["docname"])
print("DoesNotExistError" in r["failed_docs"][0]["exc"])
print(" ".join(names))
)"));
  EXPECT_EQ(out, "2 True\n['failed_docs'] 1 no-such-todo\nTrue\n");
  auto admin = server->admin();
  std::istringstream list(names);
  std::string first, second;
  list >> first >> second;
  EXPECT_EQ(admin.get("/api/resource/ToDo/" + first).json["data"]["description"], "bulk one");
  EXPECT_EQ(admin.get("/api/resource/ToDo/" + second).json["data"]["description"], "many two");
}

TEST_F(FrappeClientScripts, SetValueGetValueAndGetSingleValue) {
  auto admin = server->admin();
  auto settings = admin.get("/api/resource/System Settings/System Settings");
  ASSERT_EQ(settings.status, 200) << settings.body;
  std::string time_zone = settings.json["data"].value("time_zone", "");
  EXPECT_EQ(run_client(R"(
c = FrappeClient(URL, "Administrator", PASSWORD)
d = c.insert({"doctype": "ToDo", "description": "before"})
s = c.set_value("ToDo", d.name, "description", "after")
print(isinstance(s, dict), s["description"], s["name"] == d.name)
print(c.get_value("ToDo", "description", {"name": d.name}))
print(c.get_value("ToDo", filters={"name": d.name}) == {"name": d.name})
print(c.get_single_value("System Settings", "time_zone"))
)"),
            "True after True\n{'description': 'after'}\nTrue\n" + time_zone + "\n");
}

TEST_F(FrappeClientScripts, RenameDocAnswersTheNewName) {
  EXPECT_EQ(run_client(R"(
c = FrappeClient(URL, "Administrator", PASSWORD)
c.insert({"doctype": "Client Tag", "name": "old-tag", "label": "kept"})
print(c.rename_doc("Client Tag", "old-tag", "new-tag"))
print(c.get_doc("Client Tag", "new-tag")["label"])
print(c.get_doc("Client Tag", "old-tag"))
)"),
            "new-tag\nkept\nNone\n");
  EXPECT_EQ(server->admin().get("/api/resource/Client Tag/old-tag").status, 404);
}

TEST_F(FrappeClientScripts, GetListPagesAndOrdersGetDocTakesNoFieldsOrFilters) {
  // limit_start/limit_page_length/order_by reach /api/resource's list. As on
  // Frappe v15, /api/resource/<doctype>/<name> answers the whole document
  // (fields and filters are not applied), and get_doc without a name asks
  // for /api/resource/<doctype>/, which does not exist (404: None).
  EXPECT_EQ(run_client(R"(
c = FrappeClient(URL, "Administrator", PASSWORD)
for i in range(3):
    d = c.insert({"doctype": "ToDo", "description": "page %d" % i})
rows = c.get_list("ToDo", fields=["description"], filters=[["description", "like", "page %"]],
                  order_by="description desc", limit_start=1, limit_page_length=1)
print(rows)
print(len(c.get_list("ToDo", filters={"description": ["like", "page %"]}, limit_page_length=2)))
whole = c.get_doc("ToDo", d.name, fields=["description"])
print(whole["description"], "status" in whole)
print(c.get_doc("ToDo", filters={"description": "page 2"}))
)"),
            "[{'description': 'page 1'}]\n2\npage 2 True\nNone\n");
}

TEST_F(FrappeClientScripts, GetApiPostApiAndPostRequestCarryTheirParams) {
  // get_api/post_api put params in the query string (post_api too, as
  // requests' params= does); post_request sends a form body with its cmd.
  EXPECT_EQ(run_client(R"(
c = FrappeClient(URL, "Administrator", PASSWORD)
d = c.insert({"doctype": "ToDo", "description": "api"})
print(c.get_api("frappe.client.get_value",
                {"doctype": "ToDo", "fieldname": "description", "filters": d.name}))
s = c.post_api("frappe.client.set_value",
               {"doctype": "ToDo", "name": d.name, "fieldname": "description", "value": "posted"})
print(s["description"])
r = c.post_request({"cmd": "frappe.client.set_value", "doctype": "ToDo", "name": d.name,
                    "fieldname": {"description": "by request", "priority": "High"}})
print(r["description"], r["priority"])
c.logout()
print(c.get_api("frappe.auth.get_logged_user"))
)"),
            "{'description': 'api'}\nposted\nby request High\nNone\n");
}

TEST_F(FrappeClientScripts, RemoteErrorsAsTheScriptSeesThem) {
  // An error answer with a traceback (any System User: a 409, a 403) is a
  // FrappeException naming the remote class. A Website User gets no
  // traceback, so a 403 has neither "message" nor "exc": get_list returns
  // None and insert's frappe._dict(None) is a TypeError, as with Frappe's own
  // client.
  server->add_user("client-limited@example.com", "Limited-pass-1", {});
  auto web_user =
      server->admin().post_json("/api/resource/User", {{"email", "client-web@example.com"},
                                                       {"first_name", "Web"},
                                                       {"new_password", "Web-user-pass-1"},
                                                       {"user_type", "Website User"},
                                                       {"enabled", 1}});
  ASSERT_EQ(web_user.status, 200) << web_user.body;
  EXPECT_EQ(run_client(R"(
c = FrappeClient(URL, "Administrator", PASSWORD)
c.insert({"doctype": "Client Tag", "name": "twice"})
for client, doc in ((c, {"doctype": "Client Tag", "name": "twice"}),
                    (FrappeClient(URL, "client-limited@example.com", "Limited-pass-1"),
                     {"doctype": "Client Bill", "amount": 1})):
    try:
        client.insert(doc)
    except Exception as e:
        text = str(e)
        print(type(e), text.startswith("FrappeClient Request Failed\n\n"),
              text.splitlines()[-1].split(":")[0])
web = FrappeClient(URL, "client-web@example.com", "Web-user-pass-1")
print(web.get_list("Client Bill"))
try:
    web.insert({"doctype": "Client Bill", "amount": 1})
except TypeError as e:
    print("TypeError")
)"),
            "<class 'FrappeException'> True frappe.exceptions.DuplicateEntryError\n"
            "<class 'FrappeException'> True frappe.exceptions.PermissionError\n"
            "None\nTypeError\n");
}

TEST_F(FrappeClientScripts, ABusyRemoteIsAFrappeExceptionNamingQueryTimeoutError) {
  // The remote's database is locked by another writer: its 503 carries the
  // traceback line for Administrator, so the script gets a FrappeException.
  // (The lock is waited out for the server's busy timeout, 5 s.)
  // API keys: a login would itself need to write its session.
  auto keys = server->admin().post_form("/api/method/frappe.core.doctype.user.user.generate_keys",
                                        {{"user", "Administrator"}});
  ASSERT_EQ(keys.status, 200) << keys.body;
  std::string key = keys.json["message"]["api_key"], secret = keys.json["message"]["api_secret"];
  WriteLock lock(site_database(server->dir()));
  std::string out = run_client("KEY = '" + key + "'\nSECRET = '" + secret + "'\n" + R"(
c = FrappeClient(URL, api_key=KEY, api_secret=SECRET)
try:
    c.insert({"doctype": "ToDo", "description": "while busy"})
except Exception as e:
    print(type(e), "QueryTimeoutError" in str(e), "try again" in str(e))
)");
  EXPECT_EQ(out, "<class 'FrappeException'> True True\n");
}

TEST_F(FrappeClientScripts, TheSiteRootRunsTheCmdAsOlderClientsSendIt) {
  // frappeclient.py's own requests: login POSTs cmd/usr/pwd in the query to
  // the site's root, get_request GETs ?cmd=..., post_request POSTs a form
  // with cmd, logout GETs ?cmd=logout. No cmd: 404.
  Client client = server->client();
  auto login =
      client.send(bhttp::verb::post, "/?cmd=login&usr=Administrator&pwd=" + q(kAdminPassword), "",
                  "application/x-www-form-urlencoded");
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.json["message"], "Logged In") << login.body;
  auto user = client.get("/?cmd=frappe.auth.get_logged_user");
  EXPECT_EQ(user.json["message"], "Administrator") << user.body;
  auto value = client.post_form("/", {{"cmd", "frappe.client.get_value"},
                                      {"doctype", "User"},
                                      {"fieldname", "name"},
                                      {"filters", "Administrator"}});
  EXPECT_EQ(value.json["message"], Json({{"name", "Administrator"}})) << value.body;
  EXPECT_EQ(client.get("/").status, 404);
  EXPECT_EQ(client.get("/?cmd=logout").status, 200);
  EXPECT_EQ(client.get("/?cmd=frappe.auth.get_logged_user").status, 403);
}

TEST_F(FrappeClientScripts, AWrongPasswordIsAnAuthError) {
  EXPECT_EQ(run_client(R"(
try:
    FrappeClient(URL, "Administrator", "wrong")
except Exception as e:
    print(type(e))
)"),
            "<class 'AuthError'>\n");
}

TEST_F(FrappeClientScripts, ALoopbackPortOffTheAllowListIsRefused) {
  // The allow-list names only the server's port: the same address on another
  // port is a loopback the network rules refuse before connecting.
  int other = server->port() == 65535 ? 65534 : server->port() + 1;
  std::string out = run("try:\n    FrappeClient('http://127.0.0.1:" + std::to_string(other) +
                        "', 'Administrator', 'x')\nexcept Exception as e:\n"
                        "    print(type(e))\n    print('server_script_http_allow' in "
                        "str(e))\n");
  EXPECT_EQ(out, "<class 'BlockedRequest'>\nTrue\n");
}

}  // namespace
}  // namespace quire::rest_testing
