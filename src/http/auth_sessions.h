#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "db/database.h"

namespace quire::http {

// Login sessions kept in the site database (table `__Sessions`), so they
// survive a restart and every worker thread sees them. The table holds the
// SHA-256 of each sid, never the sid itself: whoever can read the table
// (a backup, a script's SQL) cannot take a session over.
//
// Expiry slides, as Frappe's session_expiry: every use pushes it `lifetime`
// ahead (written at most once a minute per session, to keep reads cheap).
struct StoredSession {
  std::string user;
  // Empty until the session asks for one (see csrf_token()).
  std::string csrf_token;
};

class SessionStore {
 public:
  explicit SessionStore(std::chrono::seconds lifetime) : lifetime_(lifetime) {}

  // Creates `__Sessions` when missing.
  static void ensure_table(db::Database& db);

  // A new session for `user`; returns its sid (the cookie value).
  std::string create(db::Database& db, const std::string& user, const std::string& ip) const;
  // The live session for `sid`, or nullopt (unknown or expired).
  std::optional<StoredSession> resume(db::Database& db, const std::string& sid) const;
  void destroy(db::Database& db, const std::string& sid) const;
  // The session's CSRF token, created on first request. From then on writes
  // through this session need it in X-Frappe-CSRF-Token (Frappe's rule).
  std::string csrf_token(db::Database& db, const std::string& sid) const;
  // Ends every session of `user` (password change, disable).
  void destroy_all(db::Database& db, const std::string& user) const;

  std::chrono::seconds lifetime() const { return lifetime_; }

 private:
  std::chrono::seconds lifetime_;
};

// Frappe's session_expiry setting "HH:MM" (default "240:00", ten days) in
// seconds; nullopt when malformed.
std::optional<std::int64_t> parse_session_expiry(const std::string& text);

}  // namespace quire::http
