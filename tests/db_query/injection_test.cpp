// Every list-query parameter refuses SQL smuggled into it, and values are
// always bound (a hostile value is just a value).
#include "query_fixture.h"

namespace quire::db::query::testing {
namespace {

using nlohmann::json;

ListQuery base() {
  ListQuery q;
  q.doctype = "Task";
  q.today = "2025-03-12";
  return q;
}

void expect_refused(QueryTest& t, const ListQuery& q) {
  EXPECT_THROW(t.run(q), QueryError)
      << "fields=" << q.fields.dump() << " filters=" << q.filters.dump()
      << " order_by=" << q.order_by.value_or("") << " group_by=" << q.group_by;
}

TEST_F(QueryTest, FieldsRefuseExpressionsSubqueriesAndComments) {
  for (const char* f :
       {"name; DROP TABLE tabTask", "(select name from tabTask)", "name /* x */", "name -- x",
        "concat(name, owner)", "ifnull(status, 'x')", "1+1", "'literal'",
        "name union select sql from sqlite_master", "count((select 1))", "sqlite_version()",
        "@@version", "`na`me`", "name as `x`; drop", "status as", "count(*) as n, x"}) {
    ListQuery q = base();
    q.fields = json::array({f});
    if (std::string(f) == "count(*) as n, x") q.fields = f;  // split into an unknown column
    expect_refused(*this, q);
  }
}

TEST_F(QueryTest, FunctionsNameTheRestrictedFunction) {
  ListQuery q = base();
  q.fields = json::array({"version(name)"});
  try {
    run(q);
    FAIL();
  } catch (const QueryError& e) {
    EXPECT_STREQ(e.what(), "Use of function version in field is restricted");
    EXPECT_EQ(e.frappe_class(), "DataError");
  }
}

TEST_F(QueryTest, FilterFieldNamesAreValidated) {
  for (const char* f : {"status = 'x' or 1=1 --", "status)", "`status`", "sta tus", "1", ""}) {
    ListQuery q = base();
    q.filters = json::array({json::array({f, "=", "Open"})});
    expect_refused(*this, q);
    q.filters = json{{f, "Open"}};
    expect_refused(*this, q);
  }
}

TEST_F(QueryTest, FilterDocTypeIsValidated) {
  for (const char* d : {"Task` WHERE 1=1 --", "sqlite_master", "Team"}) {
    ListQuery q = base();
    q.filters = json::array({json::array({d, "name", "=", "t1"})});
    expect_refused(*this, q);
  }
}

TEST_F(QueryTest, OperatorIsValidated) {
  ListQuery q = base();
  q.filters = json::array({json::array({"status", "= 'Open' OR 1=1 OR status =", "x"})});
  expect_refused(*this, q);
}

TEST_F(QueryTest, HostileValuesAreOnlyValues) {
  ListQuery q = base();
  q.filters = json{{"status", "Open' OR '1'='1"}};
  EXPECT_EQ(names(q), "");
  q.filters = json{{"status", json::array({"in", json::array({"x') OR ('1'='1"})})}};
  EXPECT_EQ(names(q), "");
  q.filters = json{{"status", json::array({"like", "%' OR 1=1 --"})}};
  EXPECT_EQ(names(q), "");
  EXPECT_EQ(db->query("SELECT count(*) FROM tabTask")[0][0], Value{std::int64_t{5}});
}

TEST_F(QueryTest, OrderByRefusesExpressions) {
  for (const char* o : {"name; DROP TABLE tabTask", "(select 1)", "name desc, sleep(1)",
                        "name collate nocase", "name desc /*", "random()",
                        "case when 1 then name end", "1", "name sideways", "unknown_col"}) {
    ListQuery q = base();
    q.order_by = o;
    expect_refused(*this, q);
  }
}

TEST_F(QueryTest, GroupByRefusesExpressions) {
  for (const char* g :
       {"status; DROP TABLE tabTask", "(select 1)", "status desc", "count(name)", "status, 1"}) {
    ListQuery q = base();
    q.fields = json::array({"status", "count(name) as n"});
    q.group_by = g;
    expect_refused(*this, q);
  }
}

TEST_F(QueryTest, DocTypeIsValidated) {
  for (const char* d : {"Task; DROP TABLE tabTask", "Task`", "sqlite_master", "Nope"}) {
    ListQuery q = base();
    q.doctype = d;
    expect_refused(*this, q);
  }
}

TEST_F(QueryTest, JoiningAnUnselectedChildTableInOrderByIsRefused) {
  ListQuery q = base();
  q.order_by = "`tabTask Item`.qty desc";
  try {
    run(q);
    FAIL();
  } catch (const QueryError& e) {
    EXPECT_STREQ(e.what(), "Please select atleast 1 column from Task Item to sort/group");
  }
}

TEST_F(QueryTest, NegativeLimitIsRefused) {
  ListQuery q = base();
  q.limit = -1;
  expect_refused(*this, q);
}

}  // namespace
}  // namespace quire::db::query::testing
