#include "http/users.h"

#include <sodium.h>

#include <algorithm>
#include <mutex>
#include <set>
#include <stdexcept>

#include "model/coercion.h"
#include "model/db_api.h"
#include "model/errors.h"
#include "model/lifecycle.h"
#include "site/password.h"

namespace quire::http {
namespace {

using model::cstr;
using model::ErrorKind;
using model::raise;

void init_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  });
}

bool is_masked(const std::string& s) {
  return !s.empty() && s.find_first_not_of('*') == std::string::npos;
}

void store_login_hash(model::Session& session, const std::string& user, const std::string& hash) {
  session.db.query(
      "INSERT INTO `__Auth` (`doctype`, `name`, `fieldname`, `password`, `encrypted`)"
      " VALUES ('User', ?, 'password', ?, 0) ON CONFLICT (`doctype`, `name`, `fieldname`)"
      " DO UPDATE SET `password` = excluded.`password`, `encrypted` = 0",
      {user, hash});
}

std::set<std::string> role_names(const model::Json& rows) {
  std::set<std::string> out;
  if (!rows.is_array()) return out;
  for (const auto& row : rows) {
    if (row.is_object() && row.contains("role")) out.insert(cstr(row["role"]));
  }
  return out;
}

bool may_administer_users(const model::Session& session) {
  return session.is_administrator() || session.has_role("System Manager");
}

// Only System Managers change what a user may do: roles, enabled, user type
// and the API key. Every user may edit their own User (the All role's
// if_owner row), so without this a user could grant themselves any role.
void guard_privileged_fields(model::Document& doc, model::HookCall& call) {
  if (may_administer_users(call.session) || call.session.flag("in_install")) return;
  const auto& before = doc.doc_before_save();
  auto changed = [&](const char* field) {
    model::Json now = doc.get(field);
    model::Json was = before ? before->get(field) : model::Json(nullptr);
    if (std::string(field) == "roles") return role_names(now) != role_names(was);
    return cstr(now) != cstr(was) && !(before == nullptr && cstr(now).empty());
  };
  for (const char* field : {"roles", "enabled", "user_type", "api_key"}) {
    if (std::string(field) == "enabled" && !before) continue;
    if (changed(field)) {
      raise(ErrorKind::PermissionError,
            std::string("Not permitted to change ") + field + " of User " + doc.name_text(),
            "Not Permitted");
    }
  }
}

}  // namespace

std::string hash_user_password(std::string_view password) {
  init_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool verify_user_password(std::string_view password, std::string_view hash) {
  init_sodium();
  if (hash.starts_with("$argon2")) {
    std::string text(hash);
    return crypto_pwhash_str_verify(text.c_str(), password.data(), password.size()) == 0;
  }
  if (hash.starts_with("$pbkdf2-sha256$")) return site::verify_password(password, hash);
  return false;
}

std::string sha256_hex(std::string_view text) {
  init_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string hash_api_secret(std::string_view secret) {
  return "sha256$" + sha256_hex(secret);
}

bool verify_api_secret(std::string_view secret, std::string_view stored) {
  if (!stored.starts_with("sha256$")) return false;
  std::string expected = hash_api_secret(secret);
  return expected.size() == stored.size() &&
         sodium_memcmp(expected.data(), stored.data(), expected.size()) == 0;
}

std::string random_token(size_t length) {
  init_sodium();
  static constexpr std::string_view alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string out;
  out.reserve(length);
  for (size_t i = 0; i < length; ++i) {
    out += alphabet[randombytes_uniform(static_cast<uint32_t>(alphabet.size()))];
  }
  return out;
}

void register_user_controller(model::EventRegistry& events) {
  // A user owns their own User document, so the All role's if_owner row
  // (read, write) lets everyone see and edit their own profile and nobody
  // else's (Frappe reaches the same with a has_permission hook on User).
  events.add_controller("User", "before_insert", [](model::Document& doc, model::HookCall&) {
    std::string name = cstr(doc.get("name"));
    if (name.empty()) name = cstr(doc.get("email"));
    if (!name.empty()) doc.set("owner", name);
  });
  events.add_controller("User", "validate", [](model::Document& doc, model::HookCall& call) {
    guard_privileged_fields(doc, call);
    std::string fresh = cstr(doc.get("new_password"));
    if (!fresh.empty() && !is_masked(fresh)) {
      store_login_hash(call.session, doc.name_text(), hash_user_password(fresh));
    }
    doc.set("new_password", nullptr);
    // A disabled user is logged out everywhere (Frappe clears their sessions).
    const auto& before = doc.doc_before_save();
    if (before && model::cint(before->get("enabled")) != 0 &&
        model::cint(doc.get("enabled")) == 0) {
      call.session.db.query("DELETE FROM `__Sessions` WHERE `user` = ?", {doc.name_text()});
    }
    if (cstr(doc.get("full_name")).empty()) {
      std::string full;
      for (const char* part : {"first_name", "middle_name", "last_name"}) {
        std::string text = cstr(doc.get(part));
        if (text.empty()) continue;
        if (!full.empty()) full += ' ';
        full += text;
      }
      if (!full.empty()) doc.set("full_name", full);
    }
  });
  auto previous = events.password_store();
  events.set_password_store([previous](const std::string& doctype, const std::string& fieldname,
                                       const std::string& value) {
    if (doctype == "User" && fieldname == "api_secret") {
      return model::EventRegistry::StoredPassword{hash_api_secret(value), false};
    }
    if (previous) return previous(doctype, fieldname, value);
    return model::EventRegistry::StoredPassword{value, false};
  });
}

void ensure_standard_users(model::Session& session) {
  struct Standard {
    const char* name;
    const char* email;
  };
  for (Standard user :
       {Standard{"Administrator", "admin@example.com"}, Standard{"Guest", "guest@example.com"}}) {
    if (!model::exists(session, "User", user.name).is_null()) continue;
    auto doc = model::new_doc(session, "User");
    doc->set("email", user.email);
    doc->set("first_name", user.name);
    doc->set("enabled", 1);
    model::InsertOptions options;
    options.ignore_permissions = true;
    options.ignore_links = true;
    options.set_name = user.name;
    model::insert(session, *doc, options);
  }
}

void set_user_password(model::Session& session, const std::string& user,
                       std::string_view password) {
  if (model::exists(session, "User", user).is_null()) {
    raise(ErrorKind::DoesNotExistError, "User " + user + " not found");
  }
  store_login_hash(session, user, hash_user_password(password));
}

std::optional<std::string> find_login_user(model::Session& session, const std::string& login) {
  if (login.empty()) return std::nullopt;
  auto rows = session.db.query(
      "SELECT `name` FROM `tabUser` WHERE `name` = ? OR `email` = ? OR `username` = ?"
      " ORDER BY (`name` = ?) DESC LIMIT 1",
      {login, login, login, login});
  if (rows.empty()) return std::nullopt;
  return cstr(model::from_db(rows[0][0]));
}

bool check_user_password(model::Session& session, const std::string& user,
                         std::string_view password) {
  auto rows = session.db.query(
      "SELECT `password` FROM `__Auth` WHERE `doctype` = 'User' AND `name` = ?"
      " AND `fieldname` = 'password'",
      {user});
  if (rows.empty()) return false;
  return verify_user_password(password, cstr(model::from_db(rows[0][0])));
}

bool user_enabled(model::Session& session, const std::string& user) {
  if (user == "Administrator") return true;
  auto rows = session.db.query("SELECT `enabled` FROM `tabUser` WHERE `name` = ?", {user});
  return !rows.empty() && model::cint(model::from_db(rows[0][0])) != 0;
}

std::string user_full_name(model::Session& session, const std::string& user) {
  auto rows =
      session.db.query("SELECT `full_name`, `first_name` FROM `tabUser` WHERE `name` = ?", {user});
  if (rows.empty()) return user;
  std::string full = cstr(model::from_db(rows[0][0]));
  if (full.empty()) full = cstr(model::from_db(rows[0][1]));
  return full.empty() ? user : full;
}

std::vector<std::string> roles_for(model::Session& session, const std::string& user) {
  std::vector<std::string> roles;
  if (user == "Guest") return {"Guest"};
  if (user == "Administrator") {
    for (const auto& row : session.db.query("SELECT `name` FROM `tabRole`")) {
      roles.push_back(cstr(model::from_db(row[0])));
    }
    for (const char* role : {"Administrator", "System Manager", "All", "Guest"}) {
      if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.emplace_back(role);
    }
    return roles;
  }
  for (const auto& row : session.db.query(
           "SELECT DISTINCT `role` FROM `tabHas Role` WHERE `parent` = ? AND `parenttype` = 'User'",
           {user})) {
    roles.push_back(cstr(model::from_db(row[0])));
  }
  for (const char* role : {"All", "Guest"}) {
    if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.emplace_back(role);
  }
  return roles;
}

void act_as(model::Session& session, const std::string& user) {
  session.user = user;
  session.roles = roles_for(session, user);
}

ApiKeys generate_api_keys(model::Session& session, const std::string& user) {
  auto doc = model::get_doc(session, "User", user);
  ApiKeys keys;
  keys.api_key = cstr(doc->get("api_key"));
  if (keys.api_key.empty()) {
    keys.api_key = random_token(15);
    doc->set("api_key", keys.api_key);
  }
  keys.api_secret = random_token(15);
  doc->set("api_secret", keys.api_secret);
  model::save(session, *doc, true);
  return keys;
}

std::optional<std::string> user_for_api_key(model::Session& session, const std::string& key,
                                            std::string_view secret) {
  if (key.empty()) return std::nullopt;
  // One statement: this runs on every token-authenticated request.
  auto rows = session.db.query(
      "SELECT u.`name`, u.`enabled`, a.`password` FROM `tabUser` u"
      " LEFT JOIN `__Auth` a ON a.`doctype` = 'User' AND a.`name` = u.`name`"
      " AND a.`fieldname` = 'api_secret' WHERE u.`api_key` = ? LIMIT 1",
      {key});
  if (rows.empty()) return std::nullopt;
  std::string user = cstr(model::from_db(rows[0][0]));
  if (user != "Administrator" && model::cint(model::from_db(rows[0][1])) == 0) return std::nullopt;
  if (!verify_api_secret(secret, cstr(model::from_db(rows[0][2])))) return std::nullopt;
  return user;
}

}  // namespace quire::http
