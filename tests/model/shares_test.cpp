// Document shares (Frappe's frappe.share and DocShare) in get_list and
// has_permission.
#include "model/shares.h"

#include "model/permissions.h"
#include "model_fixture.h"

namespace quire::model::testing {
namespace {

class Shares : public ModelTest {
 public:
  void SetUp() override {
    ModelTest::SetUp();
    for (const char* email : {kAlice, kBob}) {
      insert(*session, *make({{"doctype", "User"}, {"email", email}, {"first_name", email}}));
    }
    // Only System Manager reads Memos; "All" may read and share its own.
    create_doctype(
        {{"name", "Memo"},
         {"module", "Custom"},
         {"autoname", "field:title"},
         {"fields", Json::array({{{"fieldname", "title"}, {"fieldtype", "Data"}}})},
         {"permissions",
          Json::array(
              {{{"role", "System Manager"}, {"read", 1}, {"write", 1}, {"create", 1}, {"share", 1}},
               {{"role", "All"}, {"create", 1}, {"if_owner", 1}, {"read", 1}, {"share", 1}}})}});
    for (const char* title : {"m1", "m2", "m3"}) {
      insert(*session, *make({{"doctype", "Memo"}, {"title", title}}));
    }
  }

  void as(const std::string& user) {
    session->user = user;
    session->roles = {"All"};
  }

  Json memos() {
    ListArgs a;
    a.doctype = "Memo";
    a.pluck = "name";
    a.order_by = "name asc";
    return get_list(*session, a);
  }

  bool can(const char* ptype, const std::string& name) {
    auto doc = get_doc(*session, "Memo", name);
    return has_permission(*session, doc->meta(), ptype, doc.get());
  }

  static constexpr const char* kAlice = "alice@example.com";
  static constexpr const char* kBob = "bob@example.com";
};

TEST_F(Shares, ASharedDocumentJoinsTheOwnersOwnInLists) {
  as(kAlice);
  EXPECT_EQ(memos(), Json::array());  // if_owner: none of these are hers
  EXPECT_FALSE(can("read", "m1"));
  session->user = "Administrator";
  add_share(*session, "Memo", "m2", kAlice);
  as(kAlice);
  EXPECT_EQ(memos(), Json::parse(R"(["m2"])"));
  EXPECT_TRUE(can("read", "m2"));
  EXPECT_FALSE(can("write", "m2"));
  EXPECT_FALSE(can("read", "m1"));
  insert(*session, *make({{"doctype", "Memo"}, {"title", "hers"}}));
  EXPECT_EQ(memos(), Json::parse(R"(["hers", "m2"])"));
}

TEST_F(Shares, SharesAloneOpenAListTheRolesDoNot) {
  session->roles = {"Guest"};
  session->user = kBob;
  auto e = error_of([&] { memos(); });
  EXPECT_EQ(e.kind(), ErrorKind::PermissionError);
  EXPECT_STREQ(e.what(), "No permission to read Memo");
  session->user = "Administrator";
  session->roles = {"Administrator", "System Manager", "All"};
  add_share(*session, "Memo", "m3", kBob);
  session->user = kBob;
  session->roles = {"Guest"};
  EXPECT_EQ(memos(), Json::parse(R"(["m3"])"));
  // A DocType-level check passes with any share (the REST layer asks it first).
  EXPECT_TRUE(has_permission(*session, *session->metas.get("Memo"), "read"));
}

TEST_F(Shares, RightsAreSetOneByOneAndClearingReadRemovesTheShare) {
  set_share_permission(*session, "Memo", "m1", kAlice, "write");
  as(kAlice);
  EXPECT_TRUE(can("write", "m1"));
  EXPECT_TRUE(can("read", "m1"));  // write implies read
  session->user = "Administrator";
  set_share_permission(*session, "Memo", "m1", kAlice, "write", false);
  as(kAlice);
  EXPECT_FALSE(can("write", "m1"));
  EXPECT_TRUE(can("read", "m1"));
  session->user = "Administrator";
  EXPECT_EQ(set_share_permission(*session, "Memo", "m1", kAlice, "read", false), nullptr);
  EXPECT_EQ(count(*session, "DocShare"), 0);
}

TEST_F(Shares, AShareForEveryoneReachesUsersButNotGuest) {
  ShareRights rights;
  rights.everyone = true;
  add_share(*session, "Memo", "m1", "", rights);
  EXPECT_EQ(get_shared(*session, "Memo", kBob), std::vector<std::string>{"m1"});
  EXPECT_TRUE(get_shared(*session, "Memo", "Guest").empty());
  auto share =
      get_doc(*session, "DocShare", get_value(*session, "DocShare", Json{{"everyone", 1}}));
  EXPECT_TRUE(share->get("user").is_null());
}

TEST_F(Shares, SharingNeedsSharePermissionOnTheDocument) {
  as(kAlice);
  auto e = error_of([&] { add_share(*session, "Memo", "m1", kBob); });
  EXPECT_EQ(e.kind(), ErrorKind::PermissionError);
  EXPECT_STREQ(e.what(), "No permission to share Memo m1");
  // Her own memo she may share (if_owner share).
  insert(*session, *make({{"doctype", "Memo"}, {"title", "hers"}}));
  add_share(*session, "Memo", "hers", kBob);
  as(kBob);
  EXPECT_TRUE(can("read", "hers"));
}

TEST_F(Shares, SubmitIsOnlyForSubmittableDocTypes) {
  auto e = error_of([&] { set_share_permission(*session, "Memo", "m1", kAlice, "submit"); });
  EXPECT_EQ(e.kind(), ErrorKind::ValidationError);
  EXPECT_STREQ(e.what(),
               "Cannot share Memo with submit permission as the doctype Memo is not submittable");
}

TEST_F(Shares, DeletingTheDocumentDeletesItsShares) {
  add_share(*session, "Memo", "m1", kAlice);
  add_share(*session, "Memo", "m2", kAlice);
  delete_doc(*session, "Memo", "m1");
  EXPECT_EQ(get_shared(*session, "Memo", kAlice), std::vector<std::string>{"m2"});
}

}  // namespace
}  // namespace quire::model::testing
