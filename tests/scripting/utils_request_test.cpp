// frappe.request and get_host_name_from_request outside an HTTP request (a
// scheduled job, execute-script, a document event from the CLI): Frappe
// binds getattr(frappe.local, "request", {}) and its get_host_name_from_request
// falls off its end. Inside a request: tests/rest/script_request_test.cpp.

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using UtilsRequest = ScriptingTest;

TEST_F(UtilsRequest, OutsideARequestItIsAnEmptyDictAndThereIsNoHostName) {
  EXPECT_EQ(run("r = frappe.request\n"
                "print(r == {}, isinstance(r, dict), bool(r), r.get('method'))\n"
                "print(frappe.utils.get_host_name_from_request())\n"),
            "True True False None\nNone\n");
}

}  // namespace
}  // namespace quire::scripting::testing
