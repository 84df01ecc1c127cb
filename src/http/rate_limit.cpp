#include "http/rate_limit.h"

#include <algorithm>

#include "http/api_error.h"
#include "model/errors.h"

namespace quire::http {

int RateLimiter::hit(const std::string& key, std::chrono::seconds window) {
  std::lock_guard lock(mutex_);
  auto now = Clock::now();
  // Forget expired windows now and then, so the map stays as small as the
  // set of recent callers.
  if (++hits_since_sweep_ >= 4096) {
    hits_since_sweep_ = 0;
    std::erase_if(windows_, [&](const auto& entry) { return entry.second.ends <= now; });
  }
  auto& w = windows_[key];
  if (w.count == 0 || w.ends <= now) {
    w.count = 0;
    w.ends = now + window;
  }
  return ++w.count;
}

void RateLimiter::reset(const std::string& key) {
  std::lock_guard lock(mutex_);
  windows_.erase(key);
}

void RateLimiter::enforce(const RateLimit& rule, std::string_view endpoint, std::string_view verb,
                          std::string_view ip, const nlohmann::json& form_dict) {
  if (!rule.methods.empty() &&
      std::find(rule.methods.begin(), rule.methods.end(), verb) == rule.methods.end()) {
    return;
  }
  std::string key_value;
  if (!rule.key.empty()) {
    auto found = form_dict.find(rule.key);
    if (found != form_dict.end() && !found->is_null()) {
      key_value = found->is_string() ? found->get<std::string>() : found->dump();
    }
  }
  std::string identity;
  if (!key_value.empty() && rule.ip_based) {
    identity = std::string(ip) + ":" + key_value;
  } else if (rule.ip_based) {
    identity = std::string(ip);
  } else {
    identity = key_value;
  }
  if (identity.empty()) {
    throw ApiError(Status::expectation_failed, "ValidationError",
                   "Either key or IP flag is required.");
  }
  int count =
      hit("rl:" + std::string(endpoint) + ":" + identity, std::chrono::seconds(rule.seconds));
  if (count > rule.limit) {
    throw ApiError(Status::expectation_failed, "RateLimitExceededError",
                   "You hit the rate limit because of too many requests. Please try after "
                   "sometime.");
  }
}

void LoginGuard::check(const std::string& user) {
  if (max_failures_ <= 0) return;
  std::lock_guard lock(mutex_);
  auto found = users_.find(user);
  if (found == users_.end()) return;
  auto now = std::chrono::steady_clock::now();
  if (found->second.locked_until > now) {
    auto left = std::chrono::duration_cast<std::chrono::seconds>(found->second.locked_until - now);
    model::raise(model::ErrorKind::AuthenticationError,
                 "Your account has been locked and will resume after " +
                     std::to_string(std::max<long>(1, static_cast<long>(left.count()))) +
                     " seconds");
  }
}

void LoginGuard::failed(const std::string& user) {
  if (max_failures_ <= 0) return;
  std::lock_guard lock(mutex_);
  auto& state = users_[user];
  auto now = std::chrono::steady_clock::now();
  if (state.locked_until != std::chrono::steady_clock::time_point{} && state.locked_until <= now) {
    state = {};
  }
  if (++state.failures >= max_failures_) {
    state.locked_until = now + std::chrono::seconds(lock_seconds_);
  }
}

void LoginGuard::succeeded(const std::string& user) {
  std::lock_guard lock(mutex_);
  users_.erase(user);
}

}  // namespace quire::http
