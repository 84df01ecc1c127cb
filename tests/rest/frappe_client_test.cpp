// FrappeClient in a server script against a real `quire serve` on a free
// loopback port: login with the session cookie, get_list, get_doc, insert,
// update, delete, get_value, get_api, the server's exception raised as
// FrappeException, a failed login, and the site's network rules (the
// server's port is allow-listed; any other loopback port is refused). What
// the script did is checked again through the REST API itself.

#include <sstream>

#include "../scripting/scripting_fixture.h"
#include "rest_fixture.h"
#include "scripting/http_address_rules.h"

namespace quire::rest_testing {
namespace {

using quire::scripting::HttpAllowList;
using quire::scripting::ScriptSettings;

class FrappeClientScripts : public quire::scripting::testing::ScriptingTest {
 public:
  static void SetUpTestSuite() {
    server = new RestServer();
    server->start();
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
