// frappe.enqueue and frappe.call reach whitelisted methods only (spec §2.5):
// API scripts, ping, and the site's other whitelisted methods when the host
// names them (ScriptSettings::whitelisted / call_method, which `quire serve`
// fills from its /api/method table). enqueue checks the rule when the script
// calls it, so a method nobody may call fails the script, not a job later.

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using EnqueueWhitelist = ScriptingTest;

TEST_F(EnqueueWhitelist, OnlyWhitelistedMethodsAreQueued) {
  add_api_script("target", "e2e.target", "pass\n");
  EXPECT_EQ(run("frappe.enqueue('frappe.get_user')\n"),
            "PermissionError: <details><summary>You are not permitted to access this resource. "
            "Login to access</summary>Function <strong>frappe.get_user</strong> is not "
            "whitelisted.</details>");
  EXPECT_TRUE(enqueued.empty());
  EXPECT_EQ(run("frappe.enqueue('ping')\nfrappe.enqueue('e2e.target', x=1)\n"), "");
  ASSERT_EQ(enqueued.size(), 2u);
  EXPECT_EQ(enqueued[0]["method"], "ping");
  EXPECT_EQ(enqueued[1]["method"], "e2e.target");
  EXPECT_EQ(enqueued[1]["kwargs"], Json({{"x", 1}}));
}

// A site that names its other whitelisted methods.
class SiteMethods : public ScriptingTest {
 public:
  void configure(ScriptSettings& settings) override {
    settings.whitelisted = [](model::Session& session, const std::string& method) {
      return method == "app.double" || (method == "app.members_only" && session.user != "Guest");
    };
    settings.call_method = [](model::Session&, const std::string& method, const Json& kwargs) {
      if (method != "app.double") throw model::FrappeError(model::ErrorKind::ValidationError, "no");
      return Json(kwargs.value("n", 0) * 2);
    };
  }
};

TEST_F(SiteMethods, EnqueueAcceptsThemAndCallRunsThem) {
  EXPECT_EQ(run("frappe.enqueue('app.double', n=4)\nprint(frappe.call('app.double', n=21))\n"),
            "42\n");
  ASSERT_EQ(enqueued.size(), 1u);
  EXPECT_EQ(enqueued[0]["method"], "app.double");
  EXPECT_EQ(enqueued[0]["kwargs"], Json({{"n", 4}}));
  EXPECT_EQ(run("print(frappe.enqueue('app.double', now=True, n=5))\n"), "10\n");
  // The guest rule is the host's: Guest may not name a members-only method.
  session->user = "Guest";
  EXPECT_EQ(run("frappe.enqueue('app.members_only')\n").substr(0, 16), "PermissionError:");
  EXPECT_EQ(run("frappe.enqueue('app.unknown')\n").substr(0, 16), "PermissionError:");
  EXPECT_EQ(enqueued.size(), 1u);
}

}  // namespace
}  // namespace quire::scripting::testing
