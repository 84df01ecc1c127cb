// Date, Datetime and Time values as Frappe hands them to scripts: objects
// (datetime.date / datetime / timedelta, pymysql's conversions) for documents
// read from the database and for query rows; the text a client sent for the
// document being saved. Expected values: CPython's date arithmetic on the
// stored dates (2025-01-15 is a Wednesday, weekday() 2; 14 days after
// 2025-01-01).

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

class TypedDates : public ScriptingTest {
 public:
  void SetUp() override {
    ScriptingTest::SetUp();
    todo = insert(Json{{"doctype", "ToDo"}, {"description", "dated"}, {"date", "2025-01-15"}})
               ->name()
               .get<std::string>();
  }
  std::string todo;
};

TEST_F(TypedDates, LoadedDocumentsHaveDateObjects) {
  EXPECT_EQ(run("d = frappe.get_doc('ToDo', '" + todo +
                "')\n"
                "print(d.date.year, d.date.month, str(d.date), d.date.weekday())\n"
                "print((d.date - frappe.utils.getdate('2025-01-01')).days)\n"
                "print(d.date > frappe.utils.getdate('2024-12-31'), d.get('date').day)\n"
                "print(frappe.get_last_doc('ToDo').date.isoformat())\n"),
            "2025 1 2025-01-15 2\n14\nTrue 15\n2025-01-15\n");
}

TEST_F(TypedDates, QueryRowsHaveDateObjects) {
  EXPECT_EQ(run("n = '" + todo +
                "'\n"
                "row = frappe.get_all('ToDo', filters={'name': n}, "
                "fields=['date', 'date as due', 'creation', 'description'])[0]\n"
                "print(row.date.day, row.due.month, row.creation.year, row.description)\n"
                "print(frappe.db.get_value('ToDo', n, 'date').isoformat())\n"
                "print(frappe.db.get_value('ToDo', n, ['date', 'description'])[0].month)\n"
                "print(frappe.db.get_value('ToDo', n, 'date', as_dict=True).date.day)\n"
                "print(frappe.get_all('ToDo', filters={'name': n}, pluck='date')[0].weekday())\n"
                "print(frappe.get_all('ToDo', filters={'name': n}, fields=['date'], "
                "as_list=1)[0][0].year)\n"
                "print(frappe.db.get_values('ToDo', n, ['date'])[0][0].day)\n"),
            "15 1 2025 dated\n2025-01-15\n1\n15\n2\n2025\n15\n");
}

TEST_F(TypedDates, SqlRowsHaveDateObjectsAndNumbers) {
  // frappe.db.sql as Frappe's driver returns rows: date columns as dates
  // (also under an alias), numbers as numbers, expressions as they are.
  EXPECT_EQ(
      run("n = '" + todo +
          "'\n"
          "r = frappe.db.sql('select date, date as due, modified, idx, description, "
          "count(*) from tabToDo where name = %s', n)[0]\n"
          "print(isinstance(r, tuple), r[0].weekday(), r[1].day, r[2].year, r[3] + 1, r[4], r[5])\n"
          "d = frappe.db.sql('select `date`, creation from `tabToDo` where name = %s', n, "
          "as_dict=True)[0]\n"
          "print(d.date.isoformat(), d.creation.year)\n"
          "print(frappe.db.sql('select date from tabToDo where name = %s', n, "
          "pluck=True)[0].month)\n"
          "print(frappe.db.sql('select date from tabToDo where name = %s', n, "
          "as_list=1)[0][0].day)\n"
          "print(frappe.db.sql(\"select max(date) || '' from tabToDo\")[0][0])\n"),
      "True 2 15 2025 1 dated 1\n2025-01-15 2025\n1\n15\n2025-01-15\n");
}

TEST_F(TypedDates, DateObjectsAreWrittenAsTheirText) {
  EXPECT_EQ(run("d = frappe.get_doc('ToDo', '" + todo +
                "')\n"
                "d.date = frappe.utils.add_days(d.date, 3)\n"
                "d.save()\n"
                "print(frappe.db.get_value('ToDo', d.name, 'date'))\n"
                "frappe.db.set_value('ToDo', d.name, 'date', frappe.utils.getdate('2025-02-01'))\n"
                "print(d.reload().date.month if d.reload() else d.date.month)\n"),
            "2025-01-18\n2\n");
}

TEST_F(TypedDates, TheDocumentBeingSavedKeepsTheTextItWasGiven) {
  // Frappe's doc in Before Save holds what the client posted: a str.
  add_event_script("describe date", "ToDo", "Before Save", "doc.description = 'due ' + doc.date\n");
  auto doc = insert(Json{{"doctype", "ToDo"}, {"description", "x"}, {"date", "2025-03-01"}});
  EXPECT_EQ(doc->get("description"), "due 2025-03-01");
}

TEST_F(TypedDates, DatetimeAndTimeFields) {
  auto dt = model::doc_from_dict(
      *session, Json{{"doctype", "DocType"},
                     {"name", "Shift Slot"},
                     {"module", "Custom"},
                     {"fields", Json::array({{{"fieldname", "starts"}, {"fieldtype", "Time"}},
                                             {{"fieldname", "opens"}, {"fieldtype", "Datetime"}},
                                             {{"fieldname", "odd"}, {"fieldtype", "Date"}}})},
                     {"permissions", Json::array({{{"role", "System Manager"}, {"read", 1}}})}});
  model::InsertOptions options;
  options.set_name = "Shift Slot";
  model::insert(*session, *dt, options);
  auto slot = insert(Json{{"doctype", "Shift Slot"},
                          {"starts", "9:30:00"},
                          {"opens", "2025-01-15 08:00:00.250000"},
                          {"odd", "2025-02-30"}});
  EXPECT_EQ(
      run("s = frappe.get_doc('Shift Slot', '" + slot->name().get<std::string>() +
          "')\n"
          "print(s.starts.total_seconds(), str(s.starts), s.opens.hour, s.opens.microsecond)\n"
          "print(s.odd, s.creation[:4])\n"
          "r = frappe.get_all('Shift Slot', fields=['starts', 'opens'])[0]\n"
          "print(r.starts.seconds, r.opens.minute)\n"),
      "34200.0 9:30:00 8 250000\n2025-02-30 2025\n34200 0\n");
}

}  // namespace
}  // namespace quire::scripting::testing
