// The lifecycle order table (spec §4.6): which hooks fire, in which order,
// for every operation; and the handler order within one event
// (controller → doc_events for the DocType → "*" → server scripts).
#include "model_fixture.h"

namespace quire::model::testing {
namespace {

class LifecycleOrder : public ModelTest {
 public:
  void SetUp() override {
    ModelTest::SetUp();
    create_doctype(Json::parse(R"({
      "name": "Order", "module": "Test", "is_submittable": 1, "allow_rename": 1, "autoname": "hash",
      "fields": [{"fieldname": "title", "fieldtype": "Data"},
                 {"fieldname": "note", "fieldtype": "Data", "allow_on_submit": 1}],
      "permissions": [{"role": "System Manager", "read": 1, "write": 1, "create": 1, "submit": 1,
                       "cancel": 1, "delete": 1}]
    })"));
    // Record server-script events only: the dispatcher sees every event and
    // picks those with a script label (spec §2.1 EVENT_MAP).
    events.set_server_scripts([this](Document& doc, HookCall& call) {
      if (doc.doctype() == "Order" && labels.count(std::string(call.event))) {
        fired.push_back(labels.at(std::string(call.event)));
      }
    });
  }

  std::string sequence() {
    std::string out;
    for (const auto& s : fired) out += (out.empty() ? "" : " → ") + s;
    fired.clear();
    return out;
  }

  Document::Ptr draft() {
    auto doc = make({{"doctype", "Order"}, {"title", "t"}});
    insert(*session, *doc);
    fired.clear();
    return doc;
  }

  std::vector<std::string> fired;
  const std::map<std::string, std::string> labels = {
      {"before_insert", "Before Insert"},
      {"after_insert", "After Insert"},
      {"before_validate", "Before Validate"},
      {"validate", "Before Save"},
      {"on_update", "After Save"},
      {"before_rename", "Before Rename"},
      {"after_rename", "After Rename"},
      {"before_submit", "Before Submit"},
      {"on_submit", "After Submit"},
      {"before_cancel", "Before Cancel"},
      {"on_cancel", "After Cancel"},
      {"before_discard", "Before Discard"},
      {"on_discard", "After Discard"},
      {"on_trash", "Before Delete"},
      {"after_delete", "After Delete"},
      {"before_update_after_submit", "Before Save (Submitted Document)"},
      {"on_update_after_submit", "After Save (Submitted Document)"},
  };
};

TEST_F(LifecycleOrder, InsertDraft) {
  auto doc = make({{"doctype", "Order"}, {"title", "t"}});
  insert(*session, *doc);
  EXPECT_EQ(sequence(),
            "Before Insert → Before Validate → Before Save → After Insert → After Save");
}

TEST_F(LifecycleOrder, InsertSubmitted) {
  auto doc = make({{"doctype", "Order"}, {"title", "t"}, {"docstatus", 1}});
  insert(*session, *doc);
  EXPECT_EQ(
      sequence(),
      "Before Insert → Before Validate → Before Save → Before Submit → After Insert → After Save → "
      "After Submit");
}

TEST_F(LifecycleOrder, SaveDraft) {
  auto doc = draft();
  doc->set("title", "u");
  save(*session, *doc);
  EXPECT_EQ(sequence(), "Before Validate → Before Save → After Save");
}

TEST_F(LifecycleOrder, Submit) {
  auto doc = draft();
  submit(*session, *doc);
  EXPECT_EQ(sequence(),
            "Before Validate → Before Save → Before Submit → After Save → After Submit");
}

TEST_F(LifecycleOrder, Cancel) {
  auto doc = draft();
  submit(*session, *doc);
  fired.clear();
  cancel(*session, *doc);
  EXPECT_EQ(sequence(), "Before Cancel → After Cancel");
}

TEST_F(LifecycleOrder, UpdateAfterSubmit) {
  auto doc = draft();
  submit(*session, *doc);
  fired.clear();
  doc->set("note", "allowed");
  save(*session, *doc);
  EXPECT_EQ(sequence(), "Before Save (Submitted Document) → After Save (Submitted Document)");
}

TEST_F(LifecycleOrder, Discard) {
  auto doc = draft();
  discard(*session, *doc);
  EXPECT_EQ(sequence(), "Before Discard → After Discard");
  EXPECT_EQ(get_value(*session, "Order", doc->get("name"), "docstatus"), Json(2));
}

TEST_F(LifecycleOrder, Delete) {
  auto doc = draft();
  delete_doc(*session, "Order", doc->get("name"));
  EXPECT_EQ(sequence(), "Before Delete → After Delete");
}

TEST_F(LifecycleOrder, Rename) {
  auto doc = draft();
  rename_doc(*session, "Order", doc->get("name"), "renamed");
  EXPECT_EQ(sequence(), "Before Rename → After Rename");
}

TEST_F(LifecycleOrder, HandlersRunControllerThenDocEventsThenStarThenScripts) {
  std::vector<std::string> order;
  events.add_controller("Order", "validate",
                        [&](Document&, HookCall&) { order.push_back("controller"); });
  events.add_doc_event("*", "validate", [&](Document&, HookCall&) { order.push_back("star"); });
  events.add_doc_event("Order", "validate",
                       [&](Document&, HookCall&) { order.push_back("doctype"); });
  events.set_server_scripts([&](Document&, HookCall& call) {
    if (call.event == "validate") order.push_back("script");
  });
  auto doc = make({{"doctype", "Order"}, {"title", "t"}});
  insert(*session, *doc);
  EXPECT_EQ(order, (std::vector<std::string>{"controller", "doctype", "star", "script"}));
}

TEST_F(LifecycleOrder, ControllerBeforeSaveRunsAfterBeforeSaveScripts) {
  // "Before Save" scripts fire at `validate`, before the controller's before_save.
  std::vector<std::string> order;
  events.add_controller("Order", "before_save",
                        [&](Document&, HookCall&) { order.push_back("controller before_save"); });
  events.set_server_scripts([&](Document&, HookCall& call) {
    if (call.event == "validate") order.push_back("Before Save script");
  });
  auto doc = make({{"doctype", "Order"}, {"title", "t"}});
  insert(*session, *doc);
  EXPECT_EQ(order, (std::vector<std::string>{"Before Save script", "controller before_save"}));
}

TEST_F(LifecycleOrder, ScriptsMayFillMandatoryFieldsBeforeValidation) {
  create_doctype(Json::parse(
      R"({"name": "Strict", "fields": [{"fieldname": "code", "fieldtype": "Data", "reqd": 1}]})"));
  events.add_doc_event("Strict", "validate",
                       [](Document& doc, HookCall&) { doc.set("code", "filled"); });
  auto doc = make({{"doctype", "Strict"}});
  insert(*session, *doc);
  EXPECT_EQ(get_value(*session, "Strict", doc->get("name"), "code"), Json("filled"));
}

TEST_F(LifecycleOrder, IgnoreValidateSkipsAllButBeforeValidate) {
  auto doc = make({{"doctype", "Order"}, {"title", "t"}});
  doc->flags["ignore_validate"] = true;
  insert(*session, *doc);
  EXPECT_EQ(sequence(), "Before Insert → Before Validate → After Insert → After Save");
}

}  // namespace
}  // namespace quire::model::testing
