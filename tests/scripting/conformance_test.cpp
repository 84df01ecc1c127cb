// Frappe's own server-script and safe_exec tests (spec §12, 44 cases),
// reproduced. Cases that need pieces quire does not have yet are skipped
// with the reason; none is reported as passing unless it runs.

#include <set>

#include "jobs/next_execution.h"
#include "lang/object/runtime.h"
#include "model/read_sql.h"
#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

// The fixture scripts of test_server_script.py (spec §12.1 a-j).
class Conformance : public ScriptingTest {
 public:
  // Case 18: Scheduled Job Type.next_execution as `quire serve` writes it on
  // save, the jobs layer's next due time.
  void configure(ScriptSettings& settings) override {
    settings.next_execution = [](model::Session& s, const model::Document& job) {
      return jobs::next_execution_of(s, job, 4, 0);
    };
  }

  void SetUp() override {
    ScriptingTest::SetUp();
    add_event_script("test_todo", "ToDo", "Before Insert",
                     "if 'test' in doc.description:\n    doc.status = 'Closed'\n");
    add_event_script("test_todo_validate", "ToDo", "Before Insert",
                     "if 'validate' in doc.description:\n    raise frappe.ValidationError\n");
    add_api_script("test_api", "test_server_script", "frappe.response['message'] = 'hello'\n",
                   true);
    add_api_script("test_return_value", "test_return_value", "frappe.flags = 'hello'\n", true);
    add_script("test_permission_query", Json{{"script_type", "Permission Query"},
                                             {"reference_doctype", "ToDo"},
                                             {"script", "conditions = '1 = 1'\n"}});
    add_event_script("test_invalid_namespace_method", "Note", "Before Insert",
                     "frappe.method_that_doesnt_exist('do some magic')\n");
    add_script("test_todo_commit", Json{{"script_type", "DocType Event"},
                                        {"reference_doctype", "ToDo"},
                                        {"doctype_event", "Before Save"},
                                        {"disabled", 1},
                                        {"script", "frappe.db.commit()\n"}});
    add_script("test_add_index",
               Json{{"script_type", "DocType Event"},
                    {"reference_doctype", "ToDo"},
                    {"doctype_event", "Before Save"},
                    {"disabled", 1},
                    {"script", "frappe.db.add_index('Todo', ['color', 'date'])\n"}});
  }

  std::string python_type_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const model::FrappeError& e) {
      return std::string(model::class_name(e.kind()));
    } catch (const ScriptError& e) {
      return e.python_type();
    }
    return "";
  }

  void enable(const std::string& name) {
    auto s = model::get_doc(*session, "Server Script", name);
    s->set("disabled", 0);
    model::save(*session, *s);
  }
};

TEST_F(Conformance, Case01_TodoHelloStaysOpen) {
  auto t = insert(Json{{"doctype", "ToDo"}, {"description", "hello"}});
  EXPECT_EQ(model::get_value(*session, "ToDo", t->name(), "status"), "Open");
}

TEST_F(Conformance, Case02_TodoTestIsClosed) {
  auto t = insert(Json{{"doctype", "ToDo"}, {"description", "test todo"}});
  EXPECT_EQ(model::get_value(*session, "ToDo", t->name(), "status"), "Closed");
}

TEST_F(Conformance, Case03_ValidateRaises) {
  EXPECT_EQ(python_type_of([&] {
              insert(Json{{"doctype", "ToDo"}, {"description", "validate me"}});
            }),
            "ValidationError");
}

TEST_F(Conformance, Case04_RenameRunsBothAfterRenameScripts) {
  add_event_script("role_desk", "Role", "After Rename", "doc.desk_access = 0\ndoc.save()\n");
  add_event_script("role_disable", "Role", "After Rename", "doc.disabled = 1\ndoc.save()\n");
  auto role = model::doc_from_dict(
      *session, Json{{"doctype", "Role"}, {"role_name", "_Test Role 9"}, {"desk_access", 1}});
  model::insert(*session, *role);
  model::rename_doc(*session, "Role", "_Test Role 9", "_Test Role 10");
  auto renamed = model::get_doc(*session, "Role", "_Test Role 10");
  EXPECT_EQ(renamed->get("disabled"), 1);
  EXPECT_EQ(renamed->get("desk_access"), 0);
}

TEST_F(Conformance, Case05_GuestPostGetsHello) {
  session->user = "Guest";
  session->roles = {"Guest"};
  auto r = run_api_script(*scripts, *session, "test_server_script", Json::object(), "POST");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body["message"], "hello");
}

TEST_F(Conformance, Case06_ExecuteMethodReturnsFlags) {
  auto info = scripts->find_by_name(*session, "test_return_value");
  ASSERT_TRUE(info);
  RequestState request;
  RequestScope scope(*session, request);
  EXPECT_EQ(scripts->execute_api(*session, *info), "hello");
}

TEST_F(Conformance, Case07_PermissionQueryIsMergedIntoGetList) {
  // Frappe checks the SQL text (run=False); quire's get_list has no run=False,
  // so the check is that the condition applies and get_list returns a list.
  insert(Json{{"doctype", "ToDo"}, {"description", "hello"}});
  EXPECT_EQ(scripts->permission_query(*session, "ToDo"), "(1 = 1)");
  model::ListArgs a;
  a.doctype = "ToDo";
  EXPECT_EQ(model::get_list(*session, a).size(), 1u);
}

TEST_F(Conformance, Case08_UnknownFrappeFunctionIsAttributeError) {
  EXPECT_EQ(python_type_of([&] {
              insert(Json{{"doctype", "Note"}, {"title", "test"}});
            }),
            "AttributeError");
}

TEST_F(Conformance, Case09_InvalidPythonIsRefused) {
  try {
    add_event_script("bad", "ToDo", "Before Save", "js || code.?");
    FAIL();
  } catch (const model::FrappeError& e) {
    std::string text = e.what();
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_NE(text.find("invalid python code"), std::string::npos);
  }
}

TEST_F(Conformance, Case10_CommitUnavailableInDocEvents) {
  enable("test_todo_commit");
  EXPECT_EQ(python_type_of([&] {
              insert(Json{{"doctype", "ToDo"}, {"description", "x"}});
            }),
            "AttributeError");
}

TEST_F(Conformance, Case11_AddIndexUnavailableInDocEvents) {
  enable("test_add_index");
  EXPECT_EQ(python_type_of([&] {
              insert(Json{{"doctype", "ToDo"}, {"description", "x"}});
            }),
            "AttributeError");
}

TEST_F(Conformance, Case12_ApiSetValuePersists) {
  auto t = insert(Json{{"doctype", "ToDo"}, {"description", "x"}});
  add_api_script("setter", "test_set_value",
                 "frappe.db.set_value('ToDo', '" + t->name_text() + "', 'description', 'safe')\n");
  run_api_script(*scripts, *session, "test_set_value", Json::object(), "POST");
  EXPECT_EQ(model::get_value(*session, "ToDo", t->name(), "description"), "safe");
}

TEST_F(Conformance, Case15_NestedApiScripts) {
  add_api_script("test_nested_scripts_1", "test_nested_scripts_1", "log('nothing')\n");
  add_api_script("test_nested_scripts_2", "test_nested_scripts_2",
                 "frappe.call('test_nested_scripts_1')\n");
  auto r = run_api_script(*scripts, *session, "test_nested_scripts_2", Json::object(), "GET");
  EXPECT_EQ(r->status, 200);
}

TEST_F(Conformance, Case16_RateLimits) {
  // Covered in api_script_test.cpp RateLimitCountsPerScriptAndClient.
  add_script("rl", Json{{"script_type", "API"},
                        {"api_method", "rl"},
                        {"allow_guest", 1},
                        {"enable_rate_limit", 1},
                        {"rate_limit_count", 5},
                        {"script", "pass\n"}});
  int ok = 0;
  for (int i = 0; i < 6; ++i) {
    RequestState request;
    request.http_method = "GET";
    request.client_ip = "127.0.0.1";
    if (run_api_script(*scripts, *session, "rl", request)->status == 200) ++ok;
  }
  EXPECT_EQ(ok, 5);
}

TEST_F(Conformance, Case17_19_20_21_22_SchedulerJobSync) {
  // Covered step by step in server_script_doctype_test.cpp.
  add_script("sched", Json{{"script_type", "Scheduler Event"},
                           {"event_frequency", "Hourly"},
                           {"script", "pass\n"}});
  EXPECT_EQ(model::count(*session, "Scheduled Job Type", Json{{"server_script", "sched"}}), 1);
}

TEST_F(Conformance, Case18_CronNextExecution) {
  // next_execution as `quire serve` computes it on save (configure(); the
  // other frequencies: next_execution_test.cpp).
  auto script = add_script("test_cron_script", Json{{"script_type", "Scheduler Event"},
                                                    {"script", "frappe.db.commit()\n"},
                                                    {"event_frequency", "Cron"},
                                                    {"cron_format", "0 0 1 1 *"}});
  auto next = [&] {
    model::ListArgs args;
    args.doctype = "Scheduled Job Type";
    args.filters = Json{{"server_script", "test_cron_script"}};
    args.pluck = "next_execution";
    Json found = model::get_all(*session, args);
    return found.size() == 1 && found[0].is_string() ? found[0].get<std::string>() : found.dump();
  };
  EXPECT_EQ(next().substr(4, 6), "-01-01") << next();  // 1 January
  script->set("cron_format", "0 0 2 1 *");             // 2 January
  model::save(*session, *script);
  EXPECT_EQ(next().substr(4, 6), "-01-02") << next();
}

TEST_F(Conformance, Case23_ImportIsImportError) {
  EXPECT_EQ(run("import os\n"), "ImportError: __import__ not found");
}

TEST_F(Conformance, Case24_DunderAttributeRefusedAtCompileTime) {
  // Refused when compiling (before anything runs), with RestrictedPython's message.
  std::string out = run("print('ran')\nx = ().__class__.__call__\n");
  EXPECT_EQ(out.find("ran"), std::string::npos);
  EXPECT_NE(out.find("is an invalid attribute name because it starts with \"_\"."),
            std::string::npos)
      << out;
}

TEST_F(Conformance, Case25_CintOne) {
  EXPECT_EQ(run("out = frappe.utils.cint('1')\nprint(out == 1)\n"), "True\n");
}

TEST_F(Conformance, Case26_SafeEvalValues) {
  // test_safe_exec.py's TEST_CASES, with the values Frappe's test asserts.
  EXPECT_EQ(run("for code in ('1+1', '\"abc\" in \"abl\"', '\"a\" in \"abl\"',\n"
                "             '\"a\" in (\"a\", \"b\")', '\"a\" in {\"a\", \"b\"}',\n"
                "             '\"a\" in {\"a\": 1, \"b\": 2}', '\"a\" in [\"a\" ,\"b\"]'):\n"
                "    print(repr(frappe.safe_eval(code)))\n"),
            "2\nFalse\nTrue\nTrue\nTrue\nTrue\nTrue\n");
}

TEST_F(Conformance, Case28_SafeEvalOverADocumentsDict) {
  EXPECT_EQ(
      run("user = frappe.new_doc('User')\n"
          "user.user_type = 'System User'\n"
          "user.enabled = 1\n"
          "print(frappe.safe_eval(\"user_type == 'System User'\", eval_locals=user.as_dict()))\n"
          "print(frappe.safe_eval(\"user_type + ' Test'\", eval_locals=user.as_dict()))\n"
          "print(frappe.safe_eval('int(enabled)', eval_locals=user.as_dict()))\n"),
      "True\nSystem User Test\n1\n");
}

TEST_F(Conformance, Case29_SafeEvalRefusesWalrus) {
  EXPECT_EQ(run("frappe.safe_eval('(x := (40+2))')\n").rfind("SyntaxError: ", 0), 0u);
}

TEST_F(Conformance, Case27_UtilsHasNoOs) {
  EXPECT_EQ(run("frappe.utils.os.path\n").rfind("AttributeError", 0), 0u);
}

TEST_F(Conformance, Case30_SqlSelect) {
  EXPECT_EQ(
      run("print(frappe.db.sql(\"select name from tabDocType where name='DocType'\")[0][0])\n"),
      "DocType\n");
}

TEST_F(Conformance, Case31_SqlUpdateRefused) {
  EXPECT_EQ(
      run("frappe.db.sql('update tabToDo set description=NULL')\n").rfind("PermissionError", 0),
      0u);
}

TEST_F(Conformance, Case35_CallWhitelist) {
  EXPECT_EQ(run("frappe.call('frappe.get_user')\n").rfind("PermissionError", 0), 0u);
  EXPECT_EQ(run("frappe.call('ping')\n"), "");
}

TEST_F(Conformance, Case36_Enqueue) {
  // enqueue(..., now=True) runs the method at once under frappe.call's whitelist rule.
  EXPECT_EQ(run("frappe.enqueue('frappe.get_user', now=True)\n").substr(0, 16), "PermissionError:");
  EXPECT_EQ(run("print(frappe.enqueue('ping', now=True))\n"), "pong\n");
}

// Everything reachable from a run's globals: through modules, dicts, lists,
// tuples and the attribute tables of the classes bound there (frappe.db,
// frappe.utils, the exception classes, _dict). Records what a script must
// never reach: host modules, tracebacks, generators (frames).
void collect_unsafe(lang::Value v, std::set<const lang::Object*>& seen,
                    std::vector<std::string>& found, const std::string& path) {
  using lang::Kind;
  if (v.tag != lang::Tag::Obj || !seen.insert(v.o).second) return;
  auto walk_dict = [&](const lang::Dict* d) {
    if (!d) return;
    for (const auto& e : d->table.entries) {
      if (e.key.is_undef()) continue;
      std::string key = lang::is_str(e.key) ? std::string(lang::as_str(e.key)->view()) : "?";
      collect_unsafe(e.value, seen, found, path + "." + key);
    }
  };
  switch (v.o->kind) {
    case Kind::Module: {
      auto* m = static_cast<lang::Module*>(v.o);
      // The sandbox's own namespaces (Frappe's NamespaceDicts), not host modules.
      if (m->name != "frappe" && m->name != "json") found.push_back(path + " is module " + m->name);
      walk_dict(m->attrs);
      break;
    }
    case Kind::Dict:
      walk_dict(static_cast<lang::Dict*>(v.o));
      break;
    case Kind::List:
      for (lang::Value item : lang::as_list(v)->items)
        collect_unsafe(item, seen, found, path + "[]");
      break;
    case Kind::Tuple: {
      const lang::Tuple* t = lang::as_tuple(v);
      for (std::size_t i = 0; i < t->size; ++i)
        collect_unsafe(t->items()[i], seen, found, path + "[]");
      break;
    }
    case Kind::Type:
      walk_dict(static_cast<lang::Type*>(v.o)->dict);
      break;
    case Kind::Generator:
      found.push_back(path + " is a generator (holds a frame)");
      break;
    case Kind::Instance:
      if (lang::type_of(v) == lang::types().traceback) found.push_back(path + " is a traceback");
      walk_dict(static_cast<lang::Instance*>(v.o)->attrs);
      break;
    default:
      break;
  }
}

TEST_F(Conformance, Case37_NoModulesInSafeGlobals) {
  // test_safe_exec.py walks get_safe_globals() for module, code, traceback
  // and frame objects. Here: every global a script can name, as a run binds it.
  RequestState request;
  RequestScope scope(*session, request);
  RunState state(*session, request);
  state.scripts = scripts.get();
  auto program = compile_script(
      "globals walk",
      "names = [frappe, json, _dict, _, as_json, log, scrub, run_script, args, style]\n");
  std::vector<std::string> found;
  std::size_t walked = 0;
  RunHooks hooks;
  hooks.after = [&](lang::Isolate& I) {
    std::set<const lang::Object*> seen;
    collect_unsafe(global_value(I, "names"), seen, found, "globals");
    walked = seen.size();
  };
  execute(*program, state, hooks);
  EXPECT_GT(walked, 150u);  // the walk reached the namespaces (about 200 objects)
  EXPECT_TRUE(found.empty()) << ::testing::PrintToString(found);
}

TEST_F(Conformance, Case38_RealFrappeModule) {
  GTEST_SKIP() << "not applicable: scripts cannot reach a host module object";
}

TEST_F(Conformance, Case39_40_AttrDict) {
  EXPECT_EQ(run("my_dict = _dict()\nmy_dict.x = 1\nprint(my_dict.x)\n"), "1\n");
  EXPECT_EQ(run("_dict().x = 1\nprint('ok')\n"), "ok\n");
  EXPECT_NE(run("_dict.x = 1\n").find("Error"), std::string::npos);
}

TEST_F(Conformance, Case41_PrintGoesToDebugLog) {
  EXPECT_EQ(run("print('a1b2c3')\n"), "a1b2c3\n");
}

TEST_F(Conformance, Case42_DisabledServerScripts) {
  enabled = false;
  EXPECT_EQ(python_type_of([&] {
              insert(Json{{"doctype", "ToDo"}, {"description", "x"}});
            }),
            "ServerScriptNotEnabled");
}

TEST_F(Conformance, Case43_SsrfGuard) {
  // The site's default policy (no allow-list): every one of Frappe's URLs is
  // refused before anything connects. The redirect-hop, connect-time peer
  // and redirect-loop parts need a live upstream: http_request_test.cpp
  // (NoAllowList.FrappeCase43SsrfGuard, RedirectsIntoRefusedPlacesAreStopped,
  // RedirectLoopsEndWithTooManyRedirects).
  EXPECT_EQ(run("for url in ('http://127.0.0.1/', 'http://localhost/', "
                "'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', "
                "'file:///etc/passwd', 'ftp://127.0.0.1/'):\n"
                "    try:\n"
                "        frappe.make_get_request(url)\n"
                "        print('fetched', url)\n"
                "    except Exception as e:\n"
                "        print(str(type(e)).split(\"'\")[1])\n"),
            "BlockedRequest\nBlockedRequest\nBlockedRequest\nBlockedRequest\n"
            "BlockedRequest\nBlockedRequest\n");
}

// Case 44 (SafeDoc in templates): conformance_template_test.cpp.

}  // namespace
}  // namespace quire::scripting::testing
