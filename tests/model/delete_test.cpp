// What delete_doc keeps and clears (spec §4.8): Deleted Document records,
// references from ToDo/Version/DocShare, dynamic-link checks on delete and
// cancel.
#include "model/coercion.h"
#include "model/delete_links.h"
#include "model_fixture.h"

namespace quire::model::testing {
namespace {

class Delete : public ModelTest {
 public:
  void SetUp() override {
    ModelTest::SetUp();
    create_doctype(Json::parse(R"({"name": "Item", "autoname": "field:item_code",
      "track_changes": 1, "is_submittable": 1,
      "fields": [{"fieldname": "item_code", "fieldtype": "Data"},
                 {"fieldname": "price", "fieldtype": "Currency"}]})"));
    create_doctype(Json::parse(R"({"name": "Reference Row", "istable": 1,
      "fields": [{"fieldname": "ref_type", "fieldtype": "Link", "options": "DocType"},
                 {"fieldname": "ref_name", "fieldtype": "Dynamic Link", "options": "ref_type"}]})"));
    create_doctype(Json::parse(R"({"name": "Mention", "autoname": "hash", "is_submittable": 1,
      "fields": [{"fieldname": "ref_type", "fieldtype": "Link", "options": "DocType"},
                 {"fieldname": "ref_name", "fieldtype": "Dynamic Link", "options": "ref_type"},
                 {"fieldname": "rows", "fieldtype": "Table", "options": "Reference Row"}]})"));
    item("I-1");
  }

  Document::Ptr item(const std::string& code) {
    auto doc = make({{"doctype", "Item"}, {"item_code", code}, {"price", 5}});
    insert(*session, *doc);
    return doc;
  }

  std::string deleted_data(const std::string& doctype, const std::string& name) {
    return cstr(get_value(*session, "Deleted Document",
                          Json{{"deleted_doctype", doctype}, {"deleted_name", name}}, "data"));
  }
};

TEST_F(Delete, KeepsADeletedDocumentWithTheDataAsJson) {
  auto doc = get_doc(*session, "Item", "I-1");
  doc->set("price", 7);
  save(*session, *doc);
  EXPECT_TRUE(delete_doc(*session, "Item", "I-1"));
  auto data = Json::parse(deleted_data("Item", "I-1"));
  EXPECT_EQ(data["item_code"], "I-1");
  EXPECT_EQ(data["price"], 7.0);
  EXPECT_EQ(data["doctype"], "Item");
  ListArgs args;
  args.doctype = "Deleted Document";
  args.fields = Json::array({"owner", "restored"});
  auto record = get_all(*session, args);
  ASSERT_EQ(record.size(), 1u);
  EXPECT_EQ(record[0]["owner"], "Administrator");
  EXPECT_EQ(record[0]["restored"], 0);
}

TEST_F(Delete, DeletePermanentlyKeepsNoCopyAndDeletedDocumentsAreNotCopied) {
  DeleteOptions permanently;
  permanently.delete_permanently = true;
  delete_doc(*session, "Item", "I-1", permanently);
  EXPECT_EQ(count(*session, "Deleted Document"), 0);
  item("I-2");
  delete_doc(*session, "Item", "I-2");
  auto record = cstr(get_value(*session, "Deleted Document", Json::object()));
  delete_doc(*session, "Deleted Document", record);
  EXPECT_EQ(count(*session, "Deleted Document"), 0);
}

TEST_F(Delete, ReferencesFromToDoVersionAndSharesGoWithTheDocument) {
  auto todo = make({{"doctype", "ToDo"},
                    {"description", "check it"},
                    {"reference_type", "Item"},
                    {"reference_name", "I-1"}});
  insert(*session, *todo);
  auto other = make({{"doctype", "ToDo"},
                     {"description", "other"},
                     {"reference_type", "Item"},
                     {"reference_name", "I-2"}});
  item("I-2");
  insert(*session, *other);
  auto doc = get_doc(*session, "Item", "I-1");
  doc->set("price", 9);
  save(*session, *doc);  // a Version row
  ASSERT_GT(count(*session, "Version", Json{{"docname", "I-1"}}), 0);
  // ToDo and Version link to it but do not block the delete (ignore_links_on_delete).
  EXPECT_TRUE(delete_doc(*session, "Item", "I-1"));
  EXPECT_EQ(count(*session, "ToDo", Json{{"reference_name", "I-1"}}), 0);
  EXPECT_EQ(count(*session, "ToDo", Json{{"reference_name", "I-2"}}), 1);
  EXPECT_EQ(count(*session, "Version", Json{{"docname", "I-1"}}), 0);
}

TEST_F(Delete, ADynamicLinkBlocksTheDelete) {
  auto mention = make({{"doctype", "Mention"}, {"ref_type", "Item"}, {"ref_name", "I-1"}});
  insert(*session, *mention);
  auto e = error_of([&] { delete_doc(*session, "Item", "I-1"); });
  EXPECT_EQ(e.kind(), ErrorKind::LinkExistsError);
  EXPECT_EQ(
      std::string(e.what()),
      "Cannot delete or cancel because Item I-1 is linked with Mention " + mention->name_text());
  EXPECT_EQ(count(*session, "Item"), 1);
  EXPECT_EQ(count(*session, "Deleted Document"), 0);
  // The same name under another DocType does not count.
  mention->set("ref_type", "User");
  mention->set("ref_name", "Administrator");
  insert(*session, *make({{"doctype", "User"}, {"email", "x@example.com"}, {"first_name", "X"}}));
  mention->set("ref_name", "x@example.com");
  save(*session, *mention);
  EXPECT_TRUE(delete_doc(*session, "Item", "I-1"));
}

TEST_F(Delete, ADynamicLinkFromAChildRowNamesTheRow) {
  auto mention = make({{"doctype", "Mention"}});
  mention->append("rows", {{"ref_type", "Item"}, {"ref_name", "I-1"}});
  mention->append("rows", {{"ref_type", "Item"}, {"ref_name", "I-1"}});
  insert(*session, *mention);
  auto e = error_of([&] { delete_doc(*session, "Item", "I-1"); });
  EXPECT_EQ(std::string(e.what()),
            "Cannot delete or cancel because Item I-1 is linked with Mention " +
                mention->name_text() + " at Row: 1");
  DeleteOptions force;
  force.force = true;
  EXPECT_TRUE(delete_doc(*session, "Item", "I-1", force));
}

TEST_F(Delete, CancelIsBlockedOnlyBySubmittedDynamicLinks) {
  auto doc = get_doc(*session, "Item", "I-1");
  submit(*session, *doc);
  auto mention = make({{"doctype", "Mention"}, {"ref_type", "Item"}, {"ref_name", "I-1"}});
  insert(*session, *mention);
  // A draft mention does not block cancelling.
  cancel(*session, *doc);
  item("I-2");
  auto second = get_doc(*session, "Item", "I-2");
  submit(*session, *second);
  mention->set("ref_name", "I-2");
  save(*session, *mention);
  submit(*session, *mention);
  auto e = error_of([&] { cancel(*session, *second); });
  EXPECT_EQ(e.kind(), ErrorKind::LinkExistsError);
  EXPECT_EQ(
      std::string(e.what()),
      "Cannot delete or cancel because Item I-2 is linked with Mention " + mention->name_text());
}

TEST_F(Delete, AFailingHookLeavesTheDocumentAndNoRecord) {
  events.add_doc_event("Item", "after_delete",
                       [](Document&, HookCall&) { raise(ErrorKind::ValidationError, "no"); });
  auto todo = make({{"doctype", "ToDo"},
                    {"description", "keep"},
                    {"reference_type", "Item"},
                    {"reference_name", "I-1"}});
  insert(*session, *todo);
  error_of([&] { delete_doc(*session, "Item", "I-1"); });
  EXPECT_EQ(count(*session, "Item"), 1);
  EXPECT_EQ(count(*session, "ToDo"), 1);
  EXPECT_EQ(count(*session, "Deleted Document"), 0);
}

TEST_F(Delete, LinksFromIgnoredDocTypesDoNotBlock) {
  EXPECT_TRUE(links_ignored_on_delete("ToDo"));
  EXPECT_TRUE(links_ignored_on_delete("Version"));
  EXPECT_FALSE(links_ignored_on_delete("Item"));
}

}  // namespace
}  // namespace quire::model::testing
