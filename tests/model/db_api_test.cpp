// frappe.get_list / get_all and the frappe.db operations on documents.
#include "model_fixture.h"

namespace quire::model::testing {
namespace {

class DbApi : public ModelTest {
 public:
  void SetUp() override {
    ModelTest::SetUp();
    add("alice@example.com", "Open", "High", "first");
    add("alice@example.com", "Closed", "Low", "second");
    add("bob@example.com", "Open", "Medium", "third");
  }
  void add(const std::string& owner, const char* status, const char* priority,
           const char* description) {
    session->user = owner;
    auto doc = make({{"doctype", "ToDo"},
                     {"status", status},
                     {"priority", priority},
                     {"description", description}});
    doc->flags["ignore_permissions"] = true;
    insert(*session, *doc);
    session->user = "Administrator";
  }
  ListArgs todo() {
    ListArgs a;
    a.doctype = "ToDo";
    return a;
  }
  void as_user(const std::string& user, std::vector<std::string> roles) {
    session->user = user;
    session->roles = std::move(roles);
  }
};

TEST_F(DbApi, GetAllDictsListsAndPluck) {
  ListArgs a = todo();
  a.fields = Json::array({"description", "status"});
  a.filters = Json{{"status", "Open"}};
  a.order_by = "description asc";
  EXPECT_EQ(get_all(*session, a), Json::parse(R"([{"description": "first", "status": "Open"},
                                                  {"description": "third", "status": "Open"}])"));
  a.as_list = true;
  EXPECT_EQ(get_all(*session, a), Json::parse(R"([["first", "Open"], ["third", "Open"]])"));
  ListArgs p = todo();
  p.pluck = "description";
  p.order_by = "description desc";
  EXPECT_EQ(get_all(*session, p), Json::parse(R"(["third", "second", "first"])"));
}

TEST_F(DbApi, DefaultOrderIsNewestFirstAndLimitsApply) {
  ListArgs a = todo();
  a.pluck = "description";
  a.limit = 2;
  EXPECT_EQ(get_all(*session, a), Json::parse(R"(["third", "second"])"));
  a.limit_start = 2;
  EXPECT_EQ(get_all(*session, a), Json::parse(R"(["first"])"));
}

TEST_F(DbApi, SwappedFieldsAndFiltersAreUnderstood) {
  ListArgs a = todo();
  a.fields = Json{{"status", "Closed"}};
  a.filters = Json::array({"description", "priority"});
  EXPECT_EQ(get_all(*session, a), Json::parse(R"([{"description": "second", "priority": "Low"}])"));
}

TEST_F(DbApi, GroupByWithAggregates) {
  ListArgs a = todo();
  a.fields = Json::array({"status", "count(name) as n"});
  a.group_by = "status";
  a.order_by = "status asc";
  EXPECT_EQ(get_all(*session, a),
            Json::parse(R"([{"status": "Closed", "n": 1}, {"status": "Open", "n": 2}])"));
}

TEST_F(DbApi, GetListAppliesIfOwnerPermissions) {
  // ToDo grants "All" full access, Note grants it only on own documents.
  as_user("alice@example.com", {"All"});
  auto note = make({{"doctype", "Note"}, {"title", "alice's"}});
  insert(*session, *note);
  as_user("bob@example.com", {"All"});
  insert(*session, *make({{"doctype", "Note"}, {"title", "bob's"}}));
  ListArgs a;
  a.doctype = "Note";
  a.pluck = "title";
  EXPECT_EQ(get_list(*session, a), Json::parse(R"(["bob's"])"));
  EXPECT_EQ(get_all(*session, a).size(), 2u);  // get_all ignores permissions
}

TEST_F(DbApi, GetListWithoutReadPermissionIsRefused) {
  as_user("guest@example.com", {"Guest"});
  ListArgs a = todo();
  auto e = error_of([&] { get_list(*session, a); });
  EXPECT_EQ(e.kind(), ErrorKind::PermissionError);
  EXPECT_STREQ(e.what(), "No permission to read ToDo");
}

TEST_F(DbApi, PermissionQueryConditionsAreAnded) {
  events.add_permission_query("ToDo", [](Session&, const std::string&) {
    return std::string("`tabToDo`.`priority` != 'Low'");
  });
  events.set_permission_query_script(
      [](Session& s, const std::string&) { return "`tabToDo`.`owner` = " + escape(s.user); });
  as_user("alice@example.com", {"All"});
  ListArgs a = todo();
  a.pluck = "description";
  EXPECT_EQ(get_list(*session, a), Json::parse(R"(["first"])"));
}

TEST_F(DbApi, InjectionInEveryListParameterIsRefused) {
  auto expect_data_error = [&](ListArgs a) {
    auto e = error_of([&] { get_all(*session, a); });
    EXPECT_TRUE(e.kind() == ErrorKind::DataError || e.kind() == ErrorKind::ValidationError)
        << e.what();
  };
  ListArgs f = todo();
  f.fields = Json::array({"name; DELETE FROM tabToDo"});
  expect_data_error(f);
  ListArgs w = todo();
  w.filters = Json::array({Json::array({"status = 'x' OR 1=1 --", "=", "a"})});
  expect_data_error(w);
  ListArgs o = todo();
  o.order_by = "(SELECT password FROM __Auth)";
  expect_data_error(o);
  ListArgs g = todo();
  g.fields = Json::array({"status"});
  g.group_by = "status UNION SELECT name FROM tabUser";
  expect_data_error(g);
  ListArgs op = todo();
  op.filters = Json::array({Json::array({"status", "= 'x' OR '1'='1' OR status =", "a"})});
  expect_data_error(op);
  ListArgs or_f = todo();
  or_f.or_filters = Json{{"name) OR (1=1", "x"}};
  expect_data_error(or_f);
  EXPECT_EQ(error_of([&] {
              ListArgs d;
              d.doctype = "ToDo` WHERE 1=1; --";
              get_all(*session, d);
            }).kind(),
            ErrorKind::DoesNotExistError);
  EXPECT_EQ(count(*session, "ToDo"), 3);
}

TEST_F(DbApi, GetValueForms) {
  ListArgs a = todo();
  a.filters = Json{{"description", "third"}};
  std::string third = get_all(*session, a)[0]["name"];
  EXPECT_EQ(get_value(*session, "ToDo", third, "status"), Json("Open"));
  EXPECT_EQ(get_value(*session, "ToDo", Json{{"description", "second"}}, "priority"), Json("Low"));
  EXPECT_EQ(get_value(*session, "ToDo", third, Json::array({"status", "priority"})),
            Json::parse(R"(["Open", "Medium"])"));
  EXPECT_EQ(get_value(*session, "ToDo", third, Json::array({"status"}), true),
            Json::parse(R"({"status": "Open"})"));
  EXPECT_EQ(get_value(*session, "ToDo", third, "*")["description"], Json("third"));
  EXPECT_EQ(get_value(*session, "ToDo", "missing", "status"), Json(nullptr));
  EXPECT_EQ(get_value(*session, "ToDo", Json{{"status", "Open"}}, "description"),
            Json("third"));  // newest first
  EXPECT_EQ(get_values(*session, "ToDo", Json{{"status", "Open"}}, "description").size(), 2u);
}

TEST_F(DbApi, SetValueExistsCountDelete) {
  ListArgs a = todo();
  a.filters = Json{{"description", "first"}};
  std::string first = get_all(*session, a)[0]["name"];
  set_value(*session, "ToDo", first, "status", "Cancelled");
  EXPECT_EQ(get_value(*session, "ToDo", first, "status"), Json("Cancelled"));
  set_value(*session, "ToDo", first, Json{{"priority", "Low"}, {"color", "#fff"}});
  EXPECT_EQ(get_value(*session, "ToDo", first, "color"), Json("#fff"));
  set_value(*session, "ToDo", Json{{"status", "Open"}}, "priority", "High");
  EXPECT_EQ(count(*session, "ToDo", Json{{"priority", "High"}}), 1);
  EXPECT_EQ(error_of([&] { set_value(*session, "ToDo", first, "nope", 1); }).kind(),
            ErrorKind::DataError);
  EXPECT_EQ(error_of([&] { set_value(*session, "ToDo", first, "status = 'x', owner", 1); }).kind(),
            ErrorKind::DataError);

  EXPECT_EQ(exists(*session, "ToDo", first), Json(first));
  EXPECT_EQ(exists(*session, "ToDo", "nope"), Json(nullptr));
  EXPECT_EQ(exists(*session, "ToDo", Json{{"description", "second"}}).is_string(), true);
  EXPECT_EQ(exists(*session, "System Settings", "System Settings"), Json("System Settings"));
  EXPECT_EQ(count(*session, "ToDo"), 3);
  EXPECT_EQ(count(*session, "ToDo", Json{{"status", "Open"}}), 1);
  delete_rows_where(*session, "ToDo", Json{{"status", "Open"}});
  EXPECT_EQ(count(*session, "ToDo"), 2);
}

TEST_F(DbApi, Escape) {
  EXPECT_EQ(escape("it's"), "'it''s'");
  EXPECT_EQ(escape("100%"), "'100%%'");
  EXPECT_EQ(escape("100%", false), "'100%'");
}

TEST_F(DbApi, DocumentHelpers) {
  auto doc = make({{"doctype", "ToDo"}, {"description", "d"}});
  EXPECT_TRUE(doc->is_new());
  insert(*session, *doc);
  EXPECT_FALSE(doc->is_new());
  EXPECT_EQ(doc->get("status"), Json("Open"));  // default filled
  doc->set("status", "Closed");
  save(*session, *doc);
  EXPECT_TRUE(doc->has_value_changed("status"));
  EXPECT_FALSE(doc->has_value_changed("description"));
  EXPECT_EQ(doc->get_value_before_save("status"), Json("Open"));
  db_set(*session, *doc, Json{{"priority", "Low"}});
  EXPECT_EQ(get_value(*session, "ToDo", doc->get("name"), "priority"), Json("Low"));
  EXPECT_EQ(get_value(*session, "ToDo", doc->get("name"), "modified"), doc->get("modified"));
  auto copy = get_doc(*session, "ToDo", doc->get("name"));
  set_value(*session, "ToDo", doc->get("name"), "description", "changed");
  reload(*session, *copy);
  EXPECT_EQ(copy->get("description"), Json("changed"));
  Json d = copy->as_dict();
  EXPECT_EQ(d["doctype"], Json("ToDo"));
  EXPECT_FALSE(d.contains("__islocal"));
}

}  // namespace
}  // namespace quire::model::testing

#include "model/read_sql.h"

namespace quire::model::testing {
namespace {

TEST_F(DbApi, ReadSqlIsReadOnlyAndHidesCredentials) {
  Json rows =
      read_sql(*session, "SELECT description FROM tabToDo WHERE status = ? ORDER BY description",
               {std::string("Open")}, true);
  EXPECT_EQ(rows, Json::parse(R"([{"description": "first"}, {"description": "third"}])"));
  for (const char* sql :
       {"DELETE FROM tabToDo", "select * from __Auth", "UPDATE tabToDo SET status = 'x'"}) {
    auto e = error_of([&] { read_sql(*session, sql); });
    EXPECT_EQ(e.kind(), ErrorKind::PermissionError) << sql;
    EXPECT_STREQ(e.what(), "Query must be of SELECT or read-only WITH type.");
    EXPECT_EQ(e.title(), "Unsafe SQL query");
  }
  EXPECT_EQ(count(*session, "ToDo"), 3);
}

}  // namespace
}  // namespace quire::model::testing
