#include "jobs/handler_registry.h"

#include <mutex>

namespace quire::jobs {

void HandlerRegistry::add(const std::string& method, JobHandler handler,
                          JobFailureHandler on_failure) {
  if (method.empty()) throw JobError("a job handler needs a method name");
  if (!handler) throw JobError("the handler for " + method + " is empty");
  std::unique_lock lock(mutex_);
  handlers_[method] = {std::move(handler), std::move(on_failure)};
}

bool HandlerRegistry::remove(std::string_view method) {
  std::unique_lock lock(mutex_);
  auto found = handlers_.find(method);
  if (found == handlers_.end()) return false;
  handlers_.erase(found);
  return true;
}

std::optional<JobHandler> HandlerRegistry::find(std::string_view method) const {
  std::shared_lock lock(mutex_);
  auto found = handlers_.find(method);
  if (found == handlers_.end()) return fallback_ ? fallback_(method) : std::nullopt;
  return found->second.run;
}

void HandlerRegistry::set_fallback(Fallback fallback) {
  std::unique_lock lock(mutex_);
  fallback_ = std::move(fallback);
}

std::optional<JobFailureHandler> HandlerRegistry::find_failure_handler(
    std::string_view method) const {
  std::shared_lock lock(mutex_);
  auto found = handlers_.find(method);
  if (found == handlers_.end() || !found->second.on_failure) return std::nullopt;
  return found->second.on_failure;
}

std::vector<std::string> HandlerRegistry::methods() const {
  std::shared_lock lock(mutex_);
  std::vector<std::string> names;
  for (const auto& [name, handler] : handlers_) names.push_back(name);
  return names;
}

void add_builtin_handlers(HandlerRegistry& registry) {
  registry.add("quire.noop", [](JobContext&) {});
}

}  // namespace quire::jobs
