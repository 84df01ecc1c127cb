#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "db/query/query_error.h"
#include "db/query/select_builder.h"
#include "db/sqlite/sqlite_database.h"

namespace quire::db::query::testing {

class MapSchema : public SchemaLookup {
 public:
  std::map<std::string, TableInfo, std::less<>> tables;
  const TableInfo* find(std::string_view doctype) const override {
    auto it = tables.find(doctype);
    return it == tables.end() ? nullptr : &it->second;
  }
};

// A Task doctype with a child table (Task Item) and a tree doctype, in an
// in-memory SQLite database, with rows whose expected matches are worked out
// by hand in each test.
class QueryTest : public ::testing::Test {
 public:
  void SetUp() override {
    db = SqliteDatabase::open(":memory:", true);
    TableInfo task;
    task.doctype = "Task";
    for (const char* c : {"name", "owner", "modified_by"}) task.add_column(c, ColumnKind::Text);
    task.add_column("creation", ColumnKind::Datetime);
    task.add_column("modified", ColumnKind::Datetime);
    task.add_column("docstatus", ColumnKind::Integer);
    task.add_column("idx", ColumnKind::Integer);
    task.add_column("status", ColumnKind::Text);
    task.add_column("priority", ColumnKind::Integer);
    task.add_column("amount", ColumnKind::Real);
    task.add_column("due", ColumnKind::Date);
    task.add_column("team", ColumnKind::Text);
    task.child_tables["items"] = "Task Item";
    task.links["team"] = "Team";
    schema.tables["Task"] = task;

    TableInfo item;
    item.doctype = "Task Item";
    item.is_child = true;
    for (const char* c : {"name", "parent", "parentfield", "parenttype", "sku"}) {
      item.add_column(c, ColumnKind::Text);
    }
    item.add_column("qty", ColumnKind::Integer);
    item.add_column("idx", ColumnKind::Integer);
    schema.tables["Task Item"] = item;

    TableInfo team;
    team.doctype = "Team";
    team.add_column("name", ColumnKind::Text);
    team.add_column("lft", ColumnKind::Integer);
    team.add_column("rgt", ColumnKind::Integer);
    schema.tables["Team"] = team;

    db->execute(
        "CREATE TABLE `tabTask` (name TEXT PRIMARY KEY, owner TEXT, modified_by TEXT, creation "
        "TEXT,"
        " modified TEXT, docstatus INTEGER, idx INTEGER, status TEXT, priority INTEGER,"
        " amount REAL, due TEXT, team TEXT);"
        "CREATE TABLE `tabTask Item` (name TEXT PRIMARY KEY, parent TEXT, parentfield TEXT,"
        " parenttype TEXT, sku TEXT, qty INTEGER, idx INTEGER);"
        "CREATE TABLE `tabTeam` (name TEXT PRIMARY KEY, lft INTEGER, rgt INTEGER);"
        // t1..t5, creation increasing with the number.
        "INSERT INTO tabTask VALUES ('t1','a','a','2025-01-01 "
        "10:00:00.000000','x',0,0,'Open',1,10.5,'2025-03-01','All');"
        "INSERT INTO tabTask VALUES ('t2','a','a','2025-01-02 "
        "10:00:00.000000','x',1,0,'Closed',2,20,'2025-03-15','Sales');"
        "INSERT INTO tabTask VALUES ('t3','b','b','2025-01-03 "
        "10:00:00.000000','x',0,0,NULL,3,NULL,NULL,'East');"
        "INSERT INTO tabTask VALUES ('t4','b','b','2025-01-04 "
        "10:00:00.000000','x',2,0,'',NULL,5,'2025-04-01','Support');"
        "INSERT INTO tabTask VALUES ('t5','c','c','2025-01-05 "
        "10:00:00.000000','x',0,0,'Open',5,7,'2025-03-31',NULL);"
        "INSERT INTO `tabTask Item` VALUES ('i1','t1','items','Task','SKU-A',2,1);"
        "INSERT INTO `tabTask Item` VALUES ('i2','t1','items','Task','SKU-B',1,2);"
        "INSERT INTO `tabTask Item` VALUES ('i3','t2','items','Task','SKU-A',5,1);"
        // Tree: All(1,8) > Sales(2,5) > East(3,4); All > Support(6,7)
        "INSERT INTO tabTeam VALUES ('All',1,8),('Sales',2,5),('East',3,4),('Support',6,7);");
  }

  std::vector<Row> run(const ListQuery& q) {
    SelectStatement st = build_select(q, schema);
    return db->query(st.sql, st.params);
  }

  // The `name` column of each row, joined by commas.
  std::string names(ListQuery q) {
    if (q.fields.is_null()) q.fields = "name";
    if (!q.order_by) q.order_by = "name asc";
    std::string out;
    for (const auto& row : run(q)) out += (out.empty() ? "" : ",") + std::get<std::string>(row[0]);
    return out;
  }

  ListQuery task(nlohmann::json filters) {
    ListQuery q;
    q.doctype = "Task";
    q.filters = std::move(filters);
    q.today = "2025-03-12";  // a Wednesday
    return q;
  }

  MapSchema schema;
  std::unique_ptr<SqliteDatabase> db;
};

}  // namespace quire::db::query::testing
