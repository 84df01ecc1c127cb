// What an API script prints reaches the client as Frappe's make_logs sends
// it: `_debug_messages` (v1: a JSON text of the list of lines, each print
// rendered like Python's print and stripped) or `debug` (v2: a list of
// {"message": line}), on success and on failure alike.

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using PrintCapture = ScriptingTest;

TEST_F(PrintCapture, ApiScriptPrintsReachDebugMessages) {
  add_api_script("talk", "talk",
                 "print('hello', 1, None, sep='-')\n"
                 "print('  padded  ')\n"
                 "frappe.log('logged')\n"
                 "frappe.response['message'] = 'ok'\n");
  auto r = run_api_script(*scripts, *session, "talk", Json::object(), "POST");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, Json({{"message", "ok"},
                           {"_debug_messages", "[\"hello-1-None\",\"padded\",\"logged\"]"}}));
  auto v2 = run_api_script(*scripts, *session, "talk", Json::object(), "POST", true);
  EXPECT_EQ(v2->body["debug"],
            Json::array({Json{{"message", "hello-1-None"}}, Json{{"message", "padded"}},
                         Json{{"message", "logged"}}}));
}

TEST_F(PrintCapture, PrintsBeforeAFailureAreKept) {
  add_api_script("fail", "fail", "print('step 1')\nfrappe.throw('stop')\n");
  auto r = run_api_script(*scripts, *session, "fail", Json::object(), "POST");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 417);
  EXPECT_EQ(r->body["exc_type"], "ValidationError");
  EXPECT_EQ(r->body["_debug_messages"], "[\"step 1\"]");
}

TEST_F(PrintCapture, NothingPrintedNothingSent) {
  add_api_script("quiet", "quiet", "frappe.response['message'] = 1\n");
  auto r = run_api_script(*scripts, *session, "quiet", Json::object(), "GET");
  EXPECT_FALSE(r->body.contains("_debug_messages"));
}

}  // namespace
}  // namespace quire::scripting::testing
