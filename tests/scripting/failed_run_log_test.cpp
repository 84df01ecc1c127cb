// log_failed_run (spec §3.11): the Error Log a failed script run leaves once
// its work is rolled back carries the traceback and what the run printed, in
// a transaction of its own.

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using FailedRunLog = ScriptingTest;

TEST_F(FailedRunLog, TracebackThenWhatWasPrinted) {
  log_failed_run(*session, "/api/method/broken", "Traceback ...\nKeyError: 'x'",
                 {"first line", "second line"});
  model::ListArgs args;
  args.doctype = "Error Log";
  args.fields = Json::array({"method", "error"});
  Json logs = model::get_all(*session, args);
  ASSERT_EQ(logs.size(), 1u) << logs.dump();
  EXPECT_EQ(logs[0]["method"], "/api/method/broken");
  EXPECT_EQ(logs[0]["error"],
            "Traceback ...\nKeyError: 'x'\n\nPrinted before the error:\nfirst line\nsecond line\n");
}

TEST_F(FailedRunLog, NothingPrintedAddsNothing) {
  log_failed_run(*session, "e2e.job", "KeyError: 'x'\n", {});
  EXPECT_EQ(model::get_value(*session, "Error Log", Json{{"method", "e2e.job"}}, "error"),
            "KeyError: 'x'\n");
}

TEST_F(FailedRunLog, ALongTitleIsCutOnACharacterBoundary) {
  std::string title = "/api/method/" + std::string(124, 'a') + "\u00e9\u00e9\u00e9";
  log_failed_run(*session, title, "E\n", {});
  model::ListArgs args;
  args.doctype = "Error Log";
  args.pluck = "method";
  Json methods = model::get_all(*session, args);
  ASSERT_EQ(methods.size(), 1u);
  // 12 + 124 bytes, then two-byte characters: byte 137 is the second half
  // of one, so the cut goes before it.
  EXPECT_EQ(methods[0], "/api/method/" + std::string(124, 'a') + "...");
}

}  // namespace
}  // namespace quire::scripting::testing
