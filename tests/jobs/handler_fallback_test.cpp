// HandlerRegistry's fallback: how the CLI glue answers the per-script
// methods of Scheduler Event job types without registering each one.

#include <gtest/gtest.h>

#include "jobs/handler_registry.h"

namespace quire::jobs {
namespace {

TEST(HandlerRegistryFallback, AnswersOnlyMethodsWithoutTheirOwnHandler) {
  HandlerRegistry registry;
  add_builtin_handlers(registry);
  EXPECT_FALSE(registry.find("nightly_daily"));
  std::vector<std::string> asked;
  registry.set_fallback([&asked](std::string_view method) -> std::optional<JobHandler> {
    asked.emplace_back(method);
    if (method.starts_with("script_")) return JobHandler([](JobContext&) {});
    return std::nullopt;
  });
  EXPECT_TRUE(registry.find("quire.noop"));
  EXPECT_TRUE(registry.find("script_nightly_daily"));
  EXPECT_FALSE(registry.find("other"));
  // A registered handler wins; the fallback is not asked for it.
  EXPECT_EQ(asked, (std::vector<std::string>{"script_nightly_daily", "other"}));
  // The fallback answers find() only: methods() lists registered handlers.
  EXPECT_EQ(registry.methods(), (std::vector<std::string>{"quire.noop"}));
}

}  // namespace
}  // namespace quire::jobs
