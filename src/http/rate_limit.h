#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace quire::http {

// Frappe's @rate_limit (spec §11) for one route or method:
// `limit` calls per `seconds` window per identity, where the identity is
// "<ip>:<form_dict[key]>" (key and ip_based), the ip alone, or the key's
// value alone. `methods` limits it to some verbs (empty: all).
struct RateLimit {
  int limit = 5;
  int seconds = 86400;
  std::vector<std::string> methods;
  std::string key;
  bool ip_based = true;
};

// Fixed-window counters kept in this process (Frappe keeps them in Redis;
// quire serves a site from one process). Thread-safe. The first hit of an
// identity opens its window; the window's end resets the count.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // Counts one hit; returns the count in the current window (1 for the first).
  int hit(const std::string& key, std::chrono::seconds window);
  void reset(const std::string& key);

  // Applies `rule` to a call of `endpoint`: throws ApiError 417
  // RateLimitExceededError "You hit the rate limit because of too many
  // requests. Please try after sometime." once the count passes the limit.
  // Throws ValidationError-like 417 when neither key nor ip identifies the caller.
  void enforce(const RateLimit& rule, std::string_view endpoint, std::string_view verb,
               std::string_view ip, const nlohmann::json& form_dict);

 private:
  struct Window {
    int count = 0;
    Clock::time_point ends;
  };
  std::mutex mutex_;
  std::map<std::string, Window, std::less<>> windows_;
  size_t hits_since_sweep_ = 0;
};

// Consecutive failed logins per user (Frappe's LoginAttemptTracker): after
// `max_failures` in a row the user is locked for `lock_seconds`; a success
// clears the count. max_failures 0 disables the lockout.
class LoginGuard {
 public:
  LoginGuard(int max_failures, int lock_seconds)
      : max_failures_(max_failures), lock_seconds_(lock_seconds) {}
  // Throws AuthenticationError "Your account has been locked and will resume
  // after {n} seconds" while the user is locked.
  void check(const std::string& user);
  void failed(const std::string& user);
  void succeeded(const std::string& user);

 private:
  struct State {
    int failures = 0;
    std::chrono::steady_clock::time_point locked_until{};
  };
  int max_failures_;
  int lock_seconds_;
  std::mutex mutex_;
  std::map<std::string, State> users_;
};

}  // namespace quire::http
