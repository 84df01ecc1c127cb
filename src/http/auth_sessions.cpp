#include "http/auth_sessions.h"

#include <ctime>

#include "http/users.h"
#include "model/coercion.h"

namespace quire::http {
namespace {

std::int64_t now_seconds() {
  return static_cast<std::int64_t>(std::time(nullptr));
}

}  // namespace

std::optional<std::int64_t> parse_session_expiry(const std::string& text) {
  auto colon = text.find(':');
  try {
    size_t used = 0;
    std::string hours_text = text.substr(0, colon);
    long hours = std::stol(hours_text, &used);
    if (used != hours_text.size() || hours < 0) return std::nullopt;
    long minutes = 0;
    if (colon != std::string::npos) {
      auto rest = text.substr(colon + 1);
      minutes = std::stol(rest, &used);
      if (used != rest.size() || minutes < 0 || minutes > 59) return std::nullopt;
    }
    auto total = static_cast<std::int64_t>(hours) * 3600 + minutes * 60;
    if (total <= 0) return std::nullopt;
    return total;
  } catch (...) {
    return std::nullopt;
  }
}

void SessionStore::ensure_table(db::Database& db) {
  db.execute(
      "CREATE TABLE IF NOT EXISTS `__Sessions` ("
      " `sid_hash` TEXT PRIMARY KEY,"
      " `user` TEXT NOT NULL,"
      " `csrf_token` TEXT,"
      " `ip` TEXT,"
      " `created` INTEGER NOT NULL,"
      " `last_seen` INTEGER NOT NULL,"
      " `expires` INTEGER NOT NULL)");
  db.execute("CREATE INDEX IF NOT EXISTS `__Sessions_user` ON `__Sessions` (`user`)");
}

std::string SessionStore::create(db::Database& db, const std::string& user,
                                 const std::string& ip) const {
  std::string sid = random_token(40);
  auto now = now_seconds();
  // Expired sessions are swept when new ones start: logins are rare enough.
  db.query("DELETE FROM `__Sessions` WHERE `expires` < ?", {now});
  db.query(
      "INSERT INTO `__Sessions` (`sid_hash`, `user`, `ip`, `created`, `last_seen`, `expires`)"
      " VALUES (?, ?, ?, ?, ?, ?)",
      {sha256_hex(sid), user, ip, now, now, now + lifetime_.count()});
  return sid;
}

std::optional<StoredSession> SessionStore::resume(db::Database& db, const std::string& sid) const {
  if (sid.empty() || sid.size() > 128 || sid == "Guest") return std::nullopt;
  auto hash = sha256_hex(sid);
  auto rows = db.query(
      "SELECT `user`, `csrf_token`, `last_seen`, `expires` FROM `__Sessions`"
      " WHERE `sid_hash` = ?",
      {hash});
  if (rows.empty()) return std::nullopt;
  auto now = now_seconds();
  auto expires = model::cint(model::from_db(rows[0][3]));
  if (expires < now) {
    db.query("DELETE FROM `__Sessions` WHERE `sid_hash` = ?", {hash});
    return std::nullopt;
  }
  if (now - model::cint(model::from_db(rows[0][2])) >= 60) {
    db.query("UPDATE `__Sessions` SET `last_seen` = ?, `expires` = ? WHERE `sid_hash` = ?",
             {now, now + lifetime_.count(), hash});
  }
  return StoredSession{model::cstr(model::from_db(rows[0][0])),
                       model::cstr(model::from_db(rows[0][1]))};
}

void SessionStore::destroy(db::Database& db, const std::string& sid) const {
  db.query("DELETE FROM `__Sessions` WHERE `sid_hash` = ?", {sha256_hex(sid)});
}

void SessionStore::destroy_all(db::Database& db, const std::string& user) const {
  db.query("DELETE FROM `__Sessions` WHERE `user` = ?", {user});
}

std::string SessionStore::csrf_token(db::Database& db, const std::string& sid) const {
  auto hash = sha256_hex(sid);
  auto rows = db.query("SELECT `csrf_token` FROM `__Sessions` WHERE `sid_hash` = ?", {hash});
  if (rows.empty()) return {};
  std::string token = model::cstr(model::from_db(rows[0][0]));
  if (!token.empty()) return token;
  token = random_token(32);
  db.query("UPDATE `__Sessions` SET `csrf_token` = ? WHERE `sid_hash` = ?", {token, hash});
  return token;
}

}  // namespace quire::http
