// http::add_error_classifier: a later layer's exception keeps its Frappe
// class and status in the error envelope; other exceptions are untouched.

#include <gtest/gtest.h>

#include <stdexcept>

#include "http/envelope.h"

namespace quire::http {
namespace {

struct LayerError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

TEST(ErrorClassifier, ClassifiesOnlyTheExceptionsItOwns) {
  add_error_classifier([](std::exception_ptr error, ErrorInfo& info) {
    try {
      std::rethrow_exception(error);
    } catch (const LayerError& e) {
      info.status = Status::forbidden;
      info.exc_type = "ServerScriptNotEnabled";
      info.message = e.what();
      return true;
    } catch (...) {
      return false;
    }
  });
  auto owned = describe_error(std::make_exception_ptr(LayerError("scripts are off")));
  EXPECT_EQ(owned.status, Status::forbidden);
  EXPECT_EQ(owned.exc_type, "ServerScriptNotEnabled");
  EXPECT_EQ(owned.message, "scripts are off");
  auto other = describe_error(std::make_exception_ptr(std::runtime_error("boom")));
  EXPECT_EQ(other.status, Status::internal_server_error);
  EXPECT_EQ(other.exc_type, "Exception");
  EXPECT_EQ(other.message, "boom");
}

}  // namespace
}  // namespace quire::http
