// API scripts (spec §2.2): response shapes, guest rule, GET rollback,
// rate limits, nested calls.

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using ApiScripts = ScriptingTest;

TEST_F(ApiScripts, ResponseMessageIsSentAsIs) {
  add_api_script("hello", "test_server_script", "frappe.response['message'] = 'hello'\n", true);
  auto r = run_api_script(*scripts, *session, "test_server_script", Json::object(), "POST");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, Json({{"message", "hello"}}));
}

TEST_F(ApiScripts, FlagsBecomeTheMessage) {
  add_api_script("ret", "test_return_value", "frappe.flags = 'hello'\n", true);
  add_api_script("ret dict", "test_return_dict", "frappe.flags = {'test': True}\n");
  add_api_script("nothing", "test_nothing", "x = 1\n");
  EXPECT_EQ(run_api_script(*scripts, *session, "test_return_value", Json::object(), "GET")->body,
            Json({{"message", "hello"}}));
  EXPECT_EQ(run_api_script(*scripts, *session, "test_return_dict", Json::object(), "GET")->body,
            Json({{"message", {{"test", true}}}}));
  EXPECT_EQ(
      run_api_script(*scripts, *session, "test_return_dict", Json::object(), "GET", true)->body,
      Json({{"data", {{"test", true}}}}));
  EXPECT_EQ(run_api_script(*scripts, *session, "test_nothing", Json::object(), "GET")->body,
            Json::object());
  EXPECT_FALSE(run_api_script(*scripts, *session, "no_such_method", Json::object(), "GET"));
}

TEST_F(ApiScripts, FormDictCarriesTheRequestParameters) {
  add_api_script("echo", "echo", "frappe.response['message'] = frappe.form_dict['a'] + args.b\n");
  auto r = run_api_script(*scripts, *session, "echo", Json{{"a", "x"}, {"b", "y"}}, "GET");
  EXPECT_EQ(r->body["message"], "xy");
}

TEST_F(ApiScripts, GuestsNeedAllowGuest) {
  add_api_script("private", "private_method", "frappe.response['message'] = 1\n", false);
  session->user = "Guest";
  session->roles = {"Guest"};
  auto r = run_api_script(*scripts, *session, "private_method", Json::object(), "GET");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(r->body["exc_type"], "PermissionError");
}

TEST_F(ApiScripts, GetRollsBackWritesUnlessTheScriptCommits) {
  add_api_script("writer", "writer",
                 "frappe.get_doc({'doctype': 'ToDo', 'description': 'by api'}).insert()\n");
  add_api_script("committer", "committer",
                 "frappe.get_doc({'doctype': 'ToDo', 'description': 'kept'}).insert()\n"
                 "frappe.db.commit()\n");
  run_api_script(*scripts, *session, "writer", Json::object(), "GET");
  EXPECT_EQ(model::count(*session, "ToDo"), 0);
  run_api_script(*scripts, *session, "writer", Json::object(), "POST");
  EXPECT_EQ(model::count(*session, "ToDo"), 1);
  run_api_script(*scripts, *session, "committer", Json::object(), "GET");
  EXPECT_EQ(model::count(*session, "ToDo", Json{{"description", "kept"}}), 1);
}

TEST_F(ApiScripts, ErrorsCarryStatusAndServerMessages) {
  add_api_script("fails", "fails", "frappe.throw('Nope')\n");
  auto r = run_api_script(*scripts, *session, "fails", Json::object(), "POST");
  EXPECT_EQ(r->status, 417);
  EXPECT_EQ(r->body["exc_type"], "ValidationError");
  Json messages = Json::parse(r->body["_server_messages"].get<std::string>());
  EXPECT_EQ(Json::parse(messages[0].get<std::string>())["message"], "Nope");
}

TEST_F(ApiScripts, RateLimitCountsPerScriptAndClient) {
  // spec §12.1 case 16: five calls pass, the sixth fails; counters are per script.
  for (const char* m : {"limited_a", "limited_b"}) {
    add_script(m, Json{{"script_type", "API"},
                       {"api_method", m},
                       {"allow_guest", 1},
                       {"enable_rate_limit", 1},
                       {"rate_limit_count", 5},
                       {"rate_limit_seconds", 86400},
                       {"script", "frappe.response['message'] = 'ok'\n"}});
  }
  for (const char* m : {"limited_a", "limited_b"}) {
    for (int i = 0; i < 5; ++i) {
      RequestState request;
      request.http_method = "GET";
      request.client_ip = "10.0.0.1";
      EXPECT_EQ(run_api_script(*scripts, *session, m, request)->status, 200) << m << " " << i;
    }
    RequestState request;
    request.http_method = "GET";
    request.client_ip = "10.0.0.1";
    auto r = run_api_script(*scripts, *session, m, request);
    EXPECT_EQ(r->status, 417);
    EXPECT_EQ(r->body["exc_type"], "RateLimitExceededError");
  }
  auto limit = scripts->rate_limit(*session, "limited_a");
  ASSERT_TRUE(limit);
  EXPECT_EQ(limit->limit, 5);
  EXPECT_EQ(limit->seconds, 86400);
}

TEST_F(ApiScripts, NestedScriptsThroughCallAndRunScript) {
  add_api_script("inner", "inner_method",
                 "log('nothing')\nfrappe.flags = 'inner ' + (frappe.form_dict.x or '')\n");
  add_api_script("outer", "outer_method",
                 "frappe.response['message'] = [frappe.call('inner_method', x='1'), "
                 "run_script('inner', x='2'), frappe.form_dict.x]\n");
  auto r = run_api_script(*scripts, *session, "outer_method", Json::object(), "GET");
  EXPECT_EQ(r->body["message"], Json::array({"inner 1", "inner 2", nullptr}));
}

}  // namespace
}  // namespace quire::scripting::testing

namespace quire::scripting::testing {
namespace {

TEST_F(ApiScripts, EveryRunIsCountedPerScript) {
  add_api_script("counted", "counted", "x = 0\nfor i in range(100):\n    x += i\n");
  add_api_script("failing", "failing", "1 / 0\n");
  for (int i = 0; i < 3; ++i) run_api_script(*scripts, *session, "counted", Json::object(), "GET");
  run_api_script(*scripts, *session, "failing", Json::object(), "GET");
  auto all = scripts->stats();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "counted");
  EXPECT_EQ(all[0].executions, 3);
  EXPECT_EQ(all[0].failures, 0);
  EXPECT_GE(all[0].steps_total, 300);  // at least one step per loop iteration
  EXPECT_GT(all[0].p50_micros, 0);
  EXPECT_GE(all[0].p99_micros, all[0].p50_micros);
  EXPECT_EQ(all[1].name, "failing");
  EXPECT_EQ(all[1].failures, 1);
}

}  // namespace
}  // namespace quire::scripting::testing
