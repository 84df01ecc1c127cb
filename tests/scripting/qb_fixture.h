#pragma once
// The frappe.qb tests' fixture: five ToDos and two Users, and compare(qb,
// sql), which runs both expressions in one script and prints whether their
// results are equal and not too few.

#include <string>

#include "model/read_sql.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {

class QueryBuilder : public ScriptingTest {
 public:
  void SetUp() override {
    ScriptingTest::SetUp();
    insert(Json{{"doctype", "User"}, {"email", "ann@example.com"}, {"first_name", "Ann"}});
    insert(Json{{"doctype", "User"}, {"email", "bob@example.com"}, {"first_name", "Bob"}});
    struct Row {
      const char* description;
      const char* status;
      const char* priority;
      const char* date;
      const char* allocated_to;
    };
    const Row rows[] = {
        {"alpha", "Open", "High", "2025-01-05", "ann@example.com"},
        {"beta", "Open", "Low", "2025-02-10", ""},
        {"gamma", "Closed", "High", "2025-03-15", "ann@example.com"},
        {"delta", "Cancelled", "Medium", "", "bob@example.com"},
        {"epsilon 100%", "Open", "Medium", "2025-03-01", ""},
    };
    for (const auto& r : rows) {
      Json d{{"doctype", "ToDo"},
             {"description", r.description},
             {"status", r.status},
             {"priority", r.priority}};
      if (*r.date) d["date"] = r.date;
      if (*r.allocated_to) d["allocated_to"] = r.allocated_to;
      insert(d);
    }
  }

  // `qb` and `sql` are expressions; the script prints whether their results
  // are equal and whether there are at least `min_rows` rows.
  std::string compare(const std::string& qb, const std::string& sql, int min_rows = 1) {
    return run(
        "t = frappe.qb.DocType('ToDo')\n"
        "a = " +
        qb +
        "\n"
        "b = " +
        sql +
        "\n"
        "print(a == b, len(a) >= " +
        std::to_string(min_rows) + ")\n");
  }

  std::string todo_descriptions() {
    Json rows = model::read_sql(*session, "select description from tabToDo order by description");
    return rows.dump();
  }
};

// What compare() prints when both sides agree and enough rows came back.
inline const std::string kSame = "True True\n";

}  // namespace quire::scripting::testing
