// Fields, aliases, aggregates, order_by, group_by, limits, distinct.
#include "query_fixture.h"

namespace quire::db::query::testing {
namespace {

using nlohmann::json;

ListQuery base() {
  ListQuery q;
  q.doctype = "Task";
  return q;
}

TEST_F(QueryTest, DefaultOrderIsCreationDescending) {
  ListQuery q = base();
  EXPECT_EQ(names(ListQuery{q}).size(), 14u);  // all five, sorted by name in names()
  auto rows = run(q);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0][0], Value{std::string("t5")});
  EXPECT_EQ(rows[4][0], Value{std::string("t1")});
}

TEST_F(QueryTest, FieldsAsListStringAndJsonText) {
  for (json fields :
       {json::array({"name", "status"}), json("name, status"), json("[\"name\", \"status\"]")}) {
    ListQuery q = base();
    q.fields = fields;
    q.filters = json{{"name", "t2"}};
    SelectStatement st = build_select(q, schema);
    ASSERT_EQ(st.columns.size(), 2u);
    EXPECT_EQ(st.columns[1].label, "status");
    auto rows = db->query(st.sql, st.params);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0][1], Value{std::string("Closed")});
  }
}

TEST_F(QueryTest, StarExpandsToEveryColumn) {
  ListQuery q = base();
  q.fields = "*";
  SelectStatement st = build_select(q, schema);
  EXPECT_EQ(st.columns.size(), schema.tables["Task"].column_order.size());
  EXPECT_EQ(st.columns[0].label, "name");
}

TEST_F(QueryTest, AliasesAndAggregatesWithGroupBy) {
  ListQuery q = base();
  q.fields = json::array({"status as state", "count(name) as n", "sum(priority)"});
  q.group_by = "status";
  q.order_by = "n desc, state asc";
  SelectStatement st = build_select(q, schema);
  EXPECT_EQ(st.columns[0].label, "state");
  EXPECT_EQ(st.columns[1].label, "n");
  EXPECT_EQ(st.columns[2].label, "sum(priority)");
  auto rows = db->query(st.sql, st.params);
  ASSERT_EQ(rows.size(), 4u);  // NULL, '', Closed, Open
  EXPECT_EQ(rows[0][0], Value{std::string("Open")});
  EXPECT_EQ(rows[0][1], Value{std::int64_t{2}});
  EXPECT_EQ(rows[0][2], Value{std::int64_t{6}});
}

TEST_F(QueryTest, CountStarAloneHasNoOrder) {
  ListQuery q = base();
  q.fields = json::array({"count(*)"});
  SelectStatement st = build_select(q, schema);
  EXPECT_EQ(st.sql.find("ORDER BY"), std::string::npos);
  EXPECT_EQ(db->query(st.sql, st.params)[0][0], Value{std::int64_t{5}});
}

TEST_F(QueryTest, ChildTableFieldsJoinOnParent) {
  ListQuery q = base();
  q.fields = json::array({"name", "items.sku", "items.qty as quantity"});
  q.filters = json{{"name", "t1"}};
  q.order_by = "quantity desc";
  auto rows = run(q);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][1], Value{std::string("SKU-A")});
  EXPECT_EQ(rows[0][2], Value{std::int64_t{2}});
}

TEST_F(QueryTest, LimitsAndOffset) {
  ListQuery q = base();
  q.order_by = "name asc";
  q.limit = 2;
  q.limit_start = 1;
  auto rows = run(q);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], Value{std::string("t2")});
  q.limit = 0;
  q.limit_start = 3;
  EXPECT_EQ(run(q).size(), 2u);
}

TEST_F(QueryTest, DistinctDropsDuplicatesAndDefaultOrder) {
  ListQuery q = base();
  q.fields = json::array({"owner"});
  q.distinct = true;
  SelectStatement st = build_select(q, schema);
  EXPECT_EQ(st.sql.find("ORDER BY"), std::string::npos);
  EXPECT_EQ(db->query(st.sql, st.params).size(), 3u);
}

TEST_F(QueryTest, EmptyOrderByMeansNone) {
  ListQuery q = base();
  q.order_by = "";
  EXPECT_EQ(build_select(q, schema).sql.find("ORDER BY"), std::string::npos);
}

TEST_F(QueryTest, BackquotedQualifiedNames) {
  ListQuery q = base();
  q.fields = json::array({"`tabTask`.`name`"});
  q.order_by = "`tabTask`.`priority` desc";
  q.filters = json{{"priority", json::array({"is", "set"})}};
  auto rows = run(q);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0][0], Value{std::string("t5")});
}

TEST_F(QueryTest, WhereForUpdatesRefusesChildTables) {
  EXPECT_THROW(build_where(schema.tables["Task"], json{{"sku", "x"}}, schema, "2025-01-01"),
               QueryError);
  WhereClause w =
      build_where(schema.tables["Task"], json{{"status", "Open"}}, schema, "2025-01-01");
  EXPECT_EQ(db->query("SELECT count(*) FROM tabTask WHERE " + w.sql, w.params)[0][0],
            Value{std::int64_t{2}});
}

}  // namespace
}  // namespace quire::db::query::testing

namespace quire::db::query::testing {
namespace {

TEST_F(QueryTest, LinkFieldColumnsJoinTheLinkedDocType) {
  ListQuery q;
  q.doctype = "Task";
  q.fields = nlohmann::json::array({"name", "team.lft as team_lft"});
  q.filters =
      nlohmann::json{{"name", nlohmann::json::array({"in", nlohmann::json::array({"t2", "t5"})})}};
  q.order_by = "name asc";
  auto rows = run(q);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][1], Value{std::int64_t{2}});   // Sales (2, 5)
  EXPECT_EQ(rows[1][1], Value{std::monostate{}});  // t5 has no team
  q.fields = nlohmann::json::array({"team.nope"});
  EXPECT_THROW(run(q), QueryError);
  q.fields = nlohmann::json::array({"team.`lft`; drop"});
  EXPECT_THROW(run(q), QueryError);
}

}  // namespace
}  // namespace quire::db::query::testing
