// Each operator of Frappe's list filters (spec §7.2-7.3), run on SQLite.
#include "query_fixture.h"

namespace quire::db::query::testing {
namespace {

using nlohmann::json;

TEST_F(QueryTest, EqualsWithDictAndListForms) {
  EXPECT_EQ(names(task(json{{"status", "Open"}})), "t1,t5");
  EXPECT_EQ(names(task(json::array({json::array({"status", "=", "Open"})}))), "t1,t5");
  EXPECT_EQ(names(task(json::array({json::array({"Task", "status", "=", "Open"})}))), "t1,t5");
  EXPECT_EQ(names(task(json{{"status", json::array({"=", "Open"})}})), "t1,t5");
  EXPECT_EQ(names(task(json("{\"status\": \"Closed\"}"))), "t2");
}

TEST_F(QueryTest, EqualsEmptyMatchesNullLikeFrappeIfnull) {
  // ifnull(status, '') = '': t3 (NULL) and t4 ('').
  EXPECT_EQ(names(task(json{{"status", ""}})), "t3,t4");
  EXPECT_EQ(names(task(json{{"status", nullptr}})), "t3,t4");
}

TEST_F(QueryTest, NotEqualsIncludesNullRows) {
  EXPECT_EQ(names(task(json{{"status", json::array({"!=", "Open"})}})), "t2,t3,t4");
}

TEST_F(QueryTest, NumericComparisonsCoerceText) {
  EXPECT_EQ(names(task(json{{"priority", json::array({">", "2"})}})), "t3,t5");
  EXPECT_EQ(names(task(json{{"priority", json::array({">=", 2})}})), "t2,t3,t5");
  EXPECT_EQ(names(task(json{{"priority", json::array({"<", 2})}})), "t1");
  EXPECT_EQ(names(task(json{{"priority", json::array({"<=", 2})}})), "t1,t2");
  EXPECT_EQ(names(task(json{{"amount", json::array({"=<", 7})}})), "t4,t5");
  EXPECT_EQ(names(task(json{{"amount", json::array({"=>", 10.5})}})), "t1,t2");
}

TEST_F(QueryTest, LessThanOnTextIncludesNullBecauseEmptySortsFirst) {
  EXPECT_EQ(names(task(json{{"status", json::array({"<", "Open"})}})), "t2,t3,t4");
}

TEST_F(QueryTest, LikeAndNotLike) {
  EXPECT_EQ(names(task(json{{"status", json::array({"like", "%pen"})}})), "t1,t5");
  EXPECT_EQ(names(task(json{{"status", json::array({"not like", "%pen"})}})), "t2,t3,t4");
  EXPECT_EQ(names(task(json{{"status", json::array({"LIKE", "%"})}})), "t1,t2,t3,t4,t5");
}

TEST_F(QueryTest, InAndNotIn) {
  EXPECT_EQ(names(task(json{{"status", json::array({"in", json::array({"Open", "Closed"})})}})),
            "t1,t2,t5");
  EXPECT_EQ(names(task(json{{"status", json::array({"in", "Open, Closed"})}})), "t1,t2,t5");
  EXPECT_EQ(names(task(json{{"status", json::array({"not in", json::array({"Open"})})}})),
            "t2,t3,t4");
  EXPECT_EQ(names(task(json{{"status", json::array({"in", json::array({"", "Closed"})})}})),
            "t2,t3,t4");
  // An empty list means ('') as in Frappe.
  EXPECT_EQ(names(task(json{{"status", json::array({"in", json::array()})}})), "t3,t4");
  EXPECT_EQ(names(task(json{{"priority", json::array({"in", json::array({1, "3"})})}})), "t1,t3");
}

TEST_F(QueryTest, IsSetAndNotSet) {
  EXPECT_EQ(names(task(json{{"status", json::array({"is", "set"})}})), "t1,t2,t5");
  EXPECT_EQ(names(task(json{{"status", json::array({"is", "not set"})}})), "t3,t4");
  EXPECT_EQ(names(task(json{{"amount", json::array({"is", "not set"})}})), "t3");
  EXPECT_THROW(run(task(json{{"status", json::array({"is", "open"})}})), QueryError);
}

TEST_F(QueryTest, BetweenOnDatesAndDatetimes) {
  EXPECT_EQ(names(task(json{
                {"due", json::array({"between", json::array({"2025-03-01", "2025-03-31"})})}})),
            "t1,t2,t5");
  // A date upper bound on a Datetime column covers the whole day.
  EXPECT_EQ(
      names(task(
          json{{"creation", json::array({"between", json::array({"2025-01-02", "2025-01-03"})})}})),
      "t2,t3");
  EXPECT_EQ(names(task(json{{"priority", json::array({"between", json::array({2, 3})})}})),
            "t2,t3");
}

TEST_F(QueryTest, TimespanPreviousNext) {
  // today = 2025-03-12: this month is March, next month is April.
  EXPECT_EQ(names(task(json{{"due", json::array({"timespan", "this month"})}})), "t1,t2,t5");
  EXPECT_EQ(names(task(json{{"due", json::array({"timespan", "next month"})}})), "t4");
  EXPECT_EQ(names(task(json{{"due", json::array({"next", "1 month"})}})), "t4");
  EXPECT_EQ(names(task(json{{"due", json::array({"previous", "1 month"})}})), "");
  // This week (Sunday 9 March to Saturday 15 March) holds 15 March.
  EXPECT_EQ(names(task(json{{"due", json::array({"timespan", "this week"})}})), "t2");
  EXPECT_THROW(run(task(json{{"due", json::array({"timespan", "someday"})}})), QueryError);
}

TEST_F(QueryTest, TreeOperators) {
  EXPECT_EQ(names(task(json{{"team", json::array({"descendants of", "All"})}})), "t2,t3,t4");
  EXPECT_EQ(names(task(json{{"team", json::array({"descendants of (inclusive)", "Sales"})}})),
            "t2,t3");
  EXPECT_EQ(names(task(json{{"team", json::array({"ancestors of", "East"})}})), "t1,t2");
  EXPECT_EQ(names(task(json{{"team", json::array({"not descendants of", "Sales"})}})),
            "t1,t2,t4,t5");
  EXPECT_EQ(names(task(json{{"team", json::array({"not ancestors of", "East"})}})), "t3,t4,t5");
}

TEST_F(QueryTest, OrFiltersAreOredThenAnded) {
  ListQuery q = task(json{{"docstatus", 0}});
  q.or_filters =
      json::array({json::array({"status", "=", "Closed"}), json::array({"priority", ">", 4})});
  EXPECT_EQ(names(q), "t5");
}

TEST_F(QueryTest, ChildTableFilterJoins) {
  EXPECT_EQ(names(task(json::array({json::array({"Task Item", "sku", "=", "SKU-A"})}))), "t1,t2");
  // A field only on a child table resolves to it.
  EXPECT_EQ(names(task(json{{"qty", json::array({">", 1})}})), "t1,t2");
}

TEST_F(QueryTest, UnknownOperatorIsRefused) {
  try {
    run(task(json{{"status", json::array({"regexp", "x"})}}));
    FAIL();
  } catch (const QueryError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("Operator must be one of =, !=, >", 0), 0u);
  }
}

}  // namespace
}  // namespace quire::db::query::testing
