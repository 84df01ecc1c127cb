// The permission matrix over real HTTP: Guest, a plain user (role All), an
// owner-only DocType (if_owner), a System Manager and Administrator, on
// every route kind — and what each learns about documents it may not see.

#include "rest_fixture.h"

namespace quire::rest_testing {
namespace {

// A custom DocType whose All-role permissions are owner-only.
Json private_note_doctype() {
  return Json::parse(R"({
    "name": "Private Note", "module": "Custom", "custom": 1, "autoname": "hash",
    "fields": [{"fieldname": "title", "fieldtype": "Data", "label": "Title"}],
    "permissions": [
      {"role": "All", "read": 1, "write": 1, "create": 1, "delete": 1, "if_owner": 1},
      {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1}
    ]})");
}

// A submittable DocType only System Managers may submit and cancel.
Json order_sheet_doctype() {
  return Json::parse(R"({
    "name": "Order Sheet", "module": "Custom", "custom": 1, "autoname": "hash",
    "is_submittable": 1,
    "fields": [{"fieldname": "amount", "fieldtype": "Int", "label": "Amount"}],
    "permissions": [
      {"role": "All", "read": 1, "write": 1, "create": 1},
      {"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1,
       "submit": 1, "cancel": 1}
    ]})");
}

class Permissions : public ::testing::Test {
 protected:
  void SetUp() override {
    server.start();
    admin = std::make_unique<Client>(server.admin());
    for (const auto& doctype : {private_note_doctype(), order_sheet_doctype()}) {
      auto r = admin->post_json("/api/resource/DocType", doctype);
      ASSERT_EQ(r.status, 200) << r.body;
    }
    server.add_user("alice@example.com", "alice-pass", {});
    server.add_user("bob@example.com", "bob-pass", {});
    server.add_user("boss@example.com", "boss-pass", {"System Manager"});
    alice = login("alice@example.com", "alice-pass");
    bob = login("bob@example.com", "bob-pass");
    boss = login("boss@example.com", "boss-pass");
  }
  std::unique_ptr<Client> login(const std::string& user, const std::string& password) {
    auto c = std::make_unique<Client>(server.port());
    auto r = c->login(user, password);
    EXPECT_EQ(r.status, 200) << r.body;
    return c;
  }
  std::string note(Client& as, const std::string& title) {
    auto r = as.post_json("/api/resource/Private Note", {{"title", title}});
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json["data"]["name"].get<std::string>();
  }
  static std::vector<std::string> titles(const HttpResult& r) {
    std::vector<std::string> out;
    for (const auto& row : r.json["data"]) out.push_back(row["title"]);
    std::sort(out.begin(), out.end());
    return out;
  }
  RestServer server;
  std::unique_ptr<Client> admin, alice, bob, boss;
};

const std::string kNotes = "/api/resource/Private Note";
const std::string kTitles = "?fields=" + q(R"(["title"])") + "&limit=0";

TEST_F(Permissions, GuestIsRefusedEverywhere) {
  auto alices = note(*alice, "a1");
  auto guest = server.client();
  for (const auto& target : {kNotes, kNotes + "/" + alices, std::string("/api/resource/ToDo"),
                             std::string("/api/resource/User")}) {
    auto r = guest.get(target);
    EXPECT_EQ(r.status, 403) << target << " " << r.body;
    EXPECT_EQ(r.exc_type(), "PermissionError");
  }
  // Guest learns nothing from names: a missing note is also 403.
  EXPECT_EQ(guest.get(kNotes + "/no-such-note").status, 403);
  EXPECT_EQ(guest.post_json(kNotes, {{"title", "g"}}).status, 403);
  EXPECT_EQ(guest.del(kNotes + "/" + alices).status, 403);
  auto via_method = guest.get("/api/method/frappe.client.get_list?doctype=ToDo");
  EXPECT_EQ(via_method.status, 403);
}

TEST_F(Permissions, OwnerOnlyRowsLimitListsAndDocuments) {
  auto alices = note(*alice, "a1");
  note(*alice, "a2");
  auto bobs = note(*bob, "b1");

  EXPECT_EQ(titles(alice->get(kNotes + kTitles)), (std::vector<std::string>{"a1", "a2"}));
  EXPECT_EQ(titles(bob->get(kNotes + kTitles)), (std::vector<std::string>{"b1"}));
  EXPECT_EQ(
      bob->get("/api/method/frappe.client.get_count?doctype=" + q("Private Note")).json["message"],
      1);
  auto bob_list = bob->get("/api/method/frappe.client.get_list?doctype=" + q("Private Note") +
                           "&fields=" + q(R"(["title"])"));
  EXPECT_EQ(bob_list.json["message"].size(), 1u) << bob_list.body;

  auto read_other = bob->get(kNotes + "/" + alices);
  EXPECT_EQ(read_other.status, 403) << read_other.body;
  EXPECT_EQ(read_other.exc_type(), "PermissionError");
  EXPECT_EQ(bob->put_json(kNotes + "/" + alices, {{"title", "stolen"}}).status, 403);
  EXPECT_EQ(bob->del(kNotes + "/" + alices).status, 403);
  auto value = bob->get("/api/method/frappe.client.get_value?doctype=" + q("Private Note") +
                        "&fieldname=title&filters=" + q(alices));
  EXPECT_EQ(value.json["message"], Json::object()) << value.body;
  EXPECT_EQ(alice->get(kNotes + "/" + alices).json["data"]["title"], "a1");

  // Own documents: full access.
  EXPECT_EQ(bob->put_json(kNotes + "/" + bobs, {{"title", "b1!"}}).status, 200);
  EXPECT_EQ(bob->del(kNotes + "/" + bobs).status, 202);
}

TEST_F(Permissions, SystemManagerAndAdministratorSeeEverything) {
  note(*alice, "a1");
  auto bobs = note(*bob, "b1");
  EXPECT_EQ(titles(boss->get(kNotes + kTitles)), (std::vector<std::string>{"a1", "b1"}));
  EXPECT_EQ(titles(admin->get(kNotes + kTitles)), (std::vector<std::string>{"a1", "b1"}));
  EXPECT_EQ(boss->put_json(kNotes + "/" + bobs, {{"title", "edited by boss"}}).status, 200);
  EXPECT_EQ(bob->get(kNotes + "/" + bobs).json["data"]["title"], "edited by boss");
}

TEST_F(Permissions, PlainUsersReadOnlyTheirOwnUserAndCannotPromoteThemselves) {
  EXPECT_EQ(alice->get("/api/resource/User/alice@example.com").status, 200);
  EXPECT_EQ(alice->get("/api/resource/User/bob@example.com").status, 403);
  auto promote = alice->put_json("/api/resource/User/alice@example.com",
                                 {{"roles", Json::array({{{"role", "System Manager"}}})}});
  EXPECT_EQ(promote.status, 403) << promote.body;
  // Still a plain user: no System Manager rows visible.
  EXPECT_EQ(alice
                ->post_json("/api/method/frappe.core.doctype.user.user.generate_keys",
                            {{"user", "alice@example.com"}})
                .status,
            403);
  // Harmless fields of their own User may change.
  EXPECT_EQ(
      alice->put_json("/api/resource/User/alice@example.com", {{"last_name", "Liddell"}}).status,
      200);
  // A System Manager may grant roles.
  EXPECT_EQ(boss->put_json("/api/resource/User/bob@example.com",
                           {{"roles", Json::array({{{"role", "System Manager"}}})}})
                .status,
            200);
  auto bob_again = login("bob@example.com", "bob-pass");
  EXPECT_EQ(titles(bob_again->get(kNotes + kTitles)).size(), 0u);
  EXPECT_EQ(bob_again->get("/api/resource/User/alice@example.com").status, 200);
}

TEST_F(Permissions, DocTypesWithoutARoleRowAreClosed) {
  // DocType documents: only System Manager / Administrator.
  EXPECT_EQ(alice->get("/api/resource/DocType").status, 403);
  EXPECT_EQ(alice->post_json("/api/resource/DocType", private_note_doctype()).status, 403);
}

TEST_F(Permissions, SubmitAndCancelFollowTheirPermissions) {
  auto created = alice->post_json("/api/resource/Order Sheet", {{"amount", 5}});
  ASSERT_EQ(created.status, 200) << created.body;
  std::string name = created.json["data"]["name"];
  auto refused = alice->post_json("/api/method/run_doc_method",
                                  {{"method", "submit"}, {"dt", "Order Sheet"}, {"dn", name}});
  EXPECT_EQ(refused.status, 403) << refused.body;

  auto submitted = boss->post_json("/api/method/run_doc_method",
                                   {{"method", "submit"}, {"docs", created.json["data"].dump()}});
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(submitted.json["docs"][0]["docstatus"], 1);
  auto edit_submitted = boss->put_json("/api/resource/Order Sheet/" + name, {{"amount", 6}});
  EXPECT_EQ(edit_submitted.status, 417) << edit_submitted.body;
  EXPECT_EQ(edit_submitted.exc_type(), "UpdateAfterSubmitError");

  auto cancelled = boss->post_json("/api/method/frappe.client.cancel",
                                   {{"doctype", "Order Sheet"}, {"name", name}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json["message"]["docstatus"], 2);
  auto v2 = boss->post_json("/api/v2/document/Order Sheet", {{"amount", 7}});
  ASSERT_EQ(v2.status, 200) << v2.body;
  auto v2_submit =
      boss->post_json("/api/v2/document/Order Sheet/" + v2.json["data"]["name"].get<std::string>() +
                          "/method/submit",
                      Json::object());
  ASSERT_EQ(v2_submit.status, 200) << v2_submit.body;
  EXPECT_EQ(v2_submit.json["docs"][0]["docstatus"], 1);
}

}  // namespace
}  // namespace quire::rest_testing
