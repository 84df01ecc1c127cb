// Renaming a DocType (Frappe's rename_doctype and DocType.after_rename).
#include "model_fixture.h"

namespace quire::model::testing {
namespace {

class DocTypeRename : public ModelTest {
 public:
  void SetUp() override {
    ModelTest::SetUp();
    create_doctype(Json::parse(R"({"name": "Book Line", "istable": 1,
      "fields": [{"fieldname": "page", "fieldtype": "Int"}]})"));
    create_doctype(Json::parse(R"({"name": "Book", "autoname": "field:title",
      "fields": [{"fieldname": "title", "fieldtype": "Data", "unique": 1},
                 {"fieldname": "lines", "fieldtype": "Table", "options": "Book Line"}],
      "permissions": [{"role": "System Manager", "read": 1, "write": 1, "create": 1}]})"));
    create_doctype(Json::parse(R"({"name": "Review", "autoname": "hash",
      "fields": [{"fieldname": "book", "fieldtype": "Link", "options": "Book"}]})"));
    auto book = make({{"doctype", "Book"}, {"title", "Dune"}});
    book->append("lines", {{"page", 7}});
    insert(*session, *book);
    insert(*session, *make({{"doctype", "Review"}, {"book", "Dune"}}));
    insert(*session, *make({{"doctype", "ToDo"},
                            {"description", "read"},
                            {"reference_type", "Book"},
                            {"reference_name", "Dune"}}));
  }
  bool table_exists(const std::string& name) {
    return !db->query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", {name})
                .empty();
  }
};

TEST_F(DocTypeRename, TheTableRowsChildrenAndLinksFollowTheNewName) {
  EXPECT_EQ(rename_doc(*session, "DocType", "Book", "Novel"), "Novel");
  EXPECT_FALSE(table_exists("tabBook"));
  EXPECT_TRUE(table_exists("tabNovel"));
  EXPECT_EQ(metas->find_meta("Book"), nullptr);
  ASSERT_NE(metas->find_meta("Novel"), nullptr);
  auto novel = get_doc(*session, "Novel", "Dune");
  ASSERT_EQ(novel->table("lines").size(), 1u);
  EXPECT_EQ(novel->table("lines")[0]->get("page"), 7);
  EXPECT_EQ(novel->table("lines")[0]->get("parenttype"), "Novel");
  // Link fields elsewhere now point at Novel, and still validate.
  EXPECT_EQ(metas->get("Review")->field("book")->options, "Novel");
  insert(*session, *make({{"doctype", "Review"}, {"book", "Dune"}}));
  EXPECT_EQ(get_value(*session, "ToDo", Json{{"reference_name", "Dune"}}, "reference_type"),
            "Novel");
  // The unique index was remade under the new table's name.
  EXPECT_FALSE(
      db->query("SELECT 1 FROM sqlite_master WHERE name = 'tabNovel_title_unique'").empty());
  auto dup = error_of([&] { insert(*session, *make({{"doctype", "Novel"}, {"title", "Dune"}})); });
  EXPECT_TRUE(dup.kind() == ErrorKind::DuplicateEntryError ||
              dup.kind() == ErrorKind::UniqueValidationError)
      << dup.what();
  // A fresh MetaStore loading the site sees the same.
  MetaStore fresh;
  Session again(*db, fresh, events);
  load_site_doctypes(again);
  EXPECT_EQ(fresh.get("Review")->field("book")->options, "Novel");
  EXPECT_EQ(fresh.find_meta("Book"), nullptr);
}

TEST_F(DocTypeRename, ARolledBackRenameRestoresTheMetadata) {
  events.add_doc_event("DocType", "after_rename",
                       [](Document&, HookCall&) { raise(ErrorKind::ValidationError, "no"); });
  error_of([&] { rename_doc(*session, "DocType", "Book", "Novel"); });
  EXPECT_TRUE(table_exists("tabBook"));
  EXPECT_FALSE(table_exists("tabNovel"));
  ASSERT_NE(metas->find_meta("Book"), nullptr);
  EXPECT_EQ(metas->find_meta("Novel"), nullptr);
  EXPECT_EQ(metas->get("Review")->field("book")->options, "Book");
  EXPECT_EQ(get_doc(*session, "Book", "Dune")->table("lines").size(), 1u);
}

TEST_F(DocTypeRename, CoreDocTypesAndMergesAreRefused) {
  auto core = error_of([&] { rename_doc(*session, "DocType", "ToDo", "Task"); });
  EXPECT_EQ(core.kind(), ErrorKind::PermissionError);
  EXPECT_STREQ(core.what(), "Core DocType ToDo cannot be renamed");
  create_doctype(Json::parse(R"({"name": "Magazine", "fields": []})"));
  auto merge = error_of([&] { rename_doc(*session, "DocType", "Book", "Magazine", true); });
  EXPECT_STREQ(merge.what(), "DocType can not be merged");
}

}  // namespace
}  // namespace quire::model::testing
