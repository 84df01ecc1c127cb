// DocTypes are documents: creating, changing and deleting one syncs its table
// without losing data.
#include "model_fixture.h"

namespace quire::model::testing {
namespace {

class DocTypeDocument : public ModelTest {
 public:
  std::vector<std::string> columns(const std::string& table) {
    std::vector<std::string> out;
    for (const auto& row : db->query("SELECT name FROM pragma_table_info(?)", {table})) {
      out.push_back(std::get<std::string>(row[0]));
    }
    return out;
  }
  bool has_index(const std::string& name) {
    return !db->query("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", {name})
                .empty();
  }
};

TEST_F(DocTypeDocument, InstallCreatesCoreTablesDocTypeRowsAndRoles) {
  for (const char* t :
       {"tabToDo", "tabNote", "tabUser", "tabRole", "tabHas Role", "tabServer Script",
        "tabScheduled Job Type", "tabScheduled Job Log", "tabError Log", "tabVersion", "tabDocType",
        "tabDocField", "tabDocPerm", "tabSingles", "tabSeries"}) {
    EXPECT_FALSE(db->query("SELECT 1 FROM sqlite_master WHERE name = ?", {std::string(t)}).empty())
        << t;
  }
  EXPECT_TRUE(db->query("SELECT 1 FROM sqlite_master WHERE name = 'tabSystem Settings'").empty());
  EXPECT_NE(exists(*session, "DocType", "ToDo"), Json(nullptr));
  EXPECT_NE(exists(*session, "Role", "System Manager"), Json(nullptr));
  auto todo = get_doc(*session, "DocType", "ToDo");
  EXPECT_EQ(todo->table("fields").size(), metas->get("ToDo")->fields.size());
  // Installing again changes nothing.
  install_core(*session);
  EXPECT_EQ(count(*session, "DocType"), static_cast<std::int64_t>(metas->names().size()));
}

TEST_F(DocTypeDocument, ChildAndParentTablesHaveTheirColumns) {
  auto child = columns("tabHas Role");
  for (const char* c :
       {"name", "parent", "parentfield", "parenttype", "idx", "docstatus", "role"}) {
    EXPECT_NE(std::find(child.begin(), child.end(), c), child.end()) << c;
  }
  auto todo = columns("tabToDo");
  for (const char* c : {"name", "owner", "creation", "modified", "modified_by", "docstatus", "idx",
                        "_assign", "status", "allocated_to", "description"}) {
    EXPECT_NE(std::find(todo.begin(), todo.end(), c), todo.end()) << c;
  }
  EXPECT_EQ(std::find(todo.begin(), todo.end(), "column_break_2"), todo.end());
  EXPECT_TRUE(has_index("tabHas Role_parent_index"));
  EXPECT_TRUE(has_index("tabUser_email_unique"));
}

TEST_F(DocTypeDocument, AddingAFieldKeepsData) {
  create_doctype(Json::parse(R"({"name": "Book", "autoname": "field:title",
    "fields": [{"fieldname": "title", "fieldtype": "Data"}],
    "permissions": [{"role": "System Manager", "read": 1, "write": 1, "create": 1}]})"));
  insert(*session, *make({{"doctype", "Book"}, {"title", "Dune"}}));
  auto dt = get_doc(*session, "DocType", "Book");
  dt->append("fields", {{"fieldname", "pages"}, {"fieldtype", "Int"}, {"label", "Pages"}});
  dt->append("fields",
             {{"fieldname", "isbn"}, {"fieldtype", "Data"}, {"unique", 1}, {"search_index", 1}});
  save(*session, *dt);
  auto cols = columns("tabBook");
  EXPECT_NE(std::find(cols.begin(), cols.end(), "pages"), cols.end());
  EXPECT_TRUE(has_index("tabBook_isbn_unique"));
  EXPECT_EQ(get_value(*session, "Book", "Dune", "title"), Json("Dune"));
  auto book = get_doc(*session, "Book", "Dune");
  book->set("pages", 412);
  save(*session, *book);
  EXPECT_EQ(get_value(*session, "Book", "Dune", "pages"), Json(412));
  // Removing the field keeps its column (and data), like Frappe.
  auto dt2 = get_doc(*session, "DocType", "Book");
  auto& fields = dt2->table("fields");
  fields.erase(
      std::remove_if(fields.begin(), fields.end(),
                     [](const Document::Ptr& f) { return f->get("fieldname") == Json("isbn"); }),
      fields.end());
  save(*session, *dt2);
  EXPECT_FALSE(has_index("tabBook_isbn_unique"));
  EXPECT_EQ(metas->get("Book")->field("isbn"), nullptr);
}

TEST_F(DocTypeDocument, UniqueOnDuplicateDataIsRefusedAndNothingChanges) {
  create_doctype(
      Json::parse(R"({"name": "Pet", "fields": [{"fieldname": "kind", "fieldtype": "Data"}]})"));
  insert(*session, *make({{"doctype", "Pet"}, {"kind", "cat"}}));
  insert(*session, *make({{"doctype", "Pet"}, {"kind", "cat"}}));
  auto dt = get_doc(*session, "DocType", "Pet");
  dt->table("fields")[0]->set("unique", 1);
  auto e = error_of([&] { save(*session, *dt); });
  EXPECT_STREQ(e.what(), "kind cannot be unique: Pet already has duplicate values in it");
  EXPECT_FALSE(metas->get("Pet")->field("kind")->unique);
}

TEST_F(DocTypeDocument, BadDefinitionsAreRefused) {
  auto e = error_of([&] {
    create_doctype(Json::parse(
        R"({"name": "Bad", "fields": [{"fieldname": "x; drop", "fieldtype": "Data"}]})"));
  });
  EXPECT_EQ(e.kind(), ErrorKind::ValidationError);
  e = error_of([&] {
    create_doctype(Json::parse(
        R"({"name": "Bad", "fields": [{"fieldname": "rows", "fieldtype": "Table", "options": "ToDo"}]})"));
  });
  EXPECT_STREQ(e.what(), "Options for rows must be a child DocType (ToDo is not one)");
  e = error_of([&] {
    create_doctype(
        Json::parse(R"({"name": "Bad", "fields": [{"fieldname": "x", "fieldtype": "Nope"}]})"));
  });
  EXPECT_EQ(e.kind(), ErrorKind::ValidationError);
  EXPECT_EQ(metas->find_meta("Bad"), nullptr);
}

TEST_F(DocTypeDocument, CoreDocTypesAreProtected) {
  auto todo = get_doc(*session, "DocType", "ToDo");
  todo->set("track_changes", 0);
  EXPECT_EQ(error_of([&] { save(*session, *todo); }).kind(), ErrorKind::PermissionError);
  EXPECT_EQ(error_of([&] { delete_doc(*session, "DocType", "ToDo"); }).kind(),
            ErrorKind::PermissionError);
}

TEST_F(DocTypeDocument, DeletingADocTypeDropsItsTable) {
  create_doctype(
      Json::parse(R"({"name": "Temp", "fields": [{"fieldname": "x", "fieldtype": "Data"}]})"));
  delete_doc(*session, "DocType", "Temp");
  EXPECT_EQ(metas->find_meta("Temp"), nullptr);
  EXPECT_TRUE(columns("tabTemp").empty());
}

TEST_F(DocTypeDocument, SiteDocTypesLoadAtStart) {
  create_doctype(Json::parse(
      R"({"name": "Part", "istable": 1, "fields": [{"fieldname": "p", "fieldtype": "Data"}]})"));
  create_doctype(Json::parse(
      R"({"name": "Machine", "fields": [{"fieldname": "parts", "fieldtype": "Table", "options": "Part"}]})"));
  MetaStore fresh;
  Session other(*db, fresh, events);
  EXPECT_EQ(fresh.find_meta("Machine"), nullptr);
  load_site_doctypes(other);
  ASSERT_NE(fresh.find_meta("Machine"), nullptr);
  EXPECT_EQ(fresh.get("Machine")->field("parts")->options, "Part");
}

TEST_F(DocTypeDocument, SinglesLiveInTabSingles) {
  auto settings = get_doc(*session, "System Settings");
  EXPECT_EQ(settings->get("time_zone"), Json("UTC"));
  settings->set("time_zone", "Asia/Kolkata");
  settings->set("enable_scheduler", 1);
  save(*session, *settings);
  EXPECT_EQ(get_single_value(*session, "System Settings", "time_zone"), Json("Asia/Kolkata"));
  EXPECT_EQ(get_single_value(*session, "System Settings", "enable_scheduler"), Json(1));
  EXPECT_EQ(get_value(*session, "System Settings", nullptr, "time_zone"), Json("Asia/Kolkata"));
  set_single_value(*session, "System Settings", "date_format", "yyyy-mm-dd");
  EXPECT_EQ(get_doc(*session, "System Settings")->get("date_format"), Json("yyyy-mm-dd"));
  EXPECT_STREQ(error_of([&] { get_single_value(*session, "System Settings", "nope"); }).what(),
               "Field nope does not exist on System Settings");
}

TEST_F(DocTypeDocument, TrackChangesWritesVersions) {
  auto todo = make({{"doctype", "ToDo"}, {"description", "first"}});
  insert(*session, *todo);
  todo->set("description", "second");
  todo->set("status", "Closed");
  save(*session, *todo);
  ListArgs a;
  a.doctype = "Version";
  a.fields = Json::array({"data"});
  a.filters = Json{{"ref_doctype", "ToDo"}, {"docname", todo->name_text()}};
  a.order_by = "creation asc";
  Json versions = get_all(*session, a);
  ASSERT_EQ(versions.size(), 2u);
  Json changed = Json::parse(versions[1]["data"].get<std::string>())["changed"];
  // In the DocType's field order (status comes before description in ToDo).
  EXPECT_EQ(changed,
            Json::parse(R"([["status", "Open", "Closed"], ["description", "first", "second"]])"));
}

}  // namespace
}  // namespace quire::model::testing
