#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/events.h"
#include "model/session.h"

namespace quire::http {

// Users, their passwords, roles and API keys (Frappe's User DocType and
// frappe.utils.password). Passwords live in __Auth as (User, name,
// "password"), never in tabUser.
//
// Hash formats: new passwords get libsodium's argon2id ("$argon2id$..."),
// the memory-hard hash; "$pbkdf2-sha256$..." hashes (what Frappe stores, and
// what `quire new-site` writes for Administrator) are verified too, so users
// imported from a Frappe site log in unchanged. API secrets are random
// 15-character tokens: they are stored as "sha256$<hex>" (a slow hash would
// be paid on every token-authenticated request, and a random secret needs no
// stretching).

// An argon2id hash of `password` (libsodium's interactive limits).
std::string hash_user_password(std::string_view password);
// True when `password` matches an argon2id or pbkdf2-sha256 hash.
bool verify_user_password(std::string_view password, std::string_view hash);
// "sha256$<hex>" of an API secret, and its constant-time check.
std::string hash_api_secret(std::string_view secret);
bool verify_api_secret(std::string_view secret, std::string_view stored);

// A random token from [a-z0-9] (Frappe's generate_hash alphabet).
std::string random_token(size_t length);
// Hex SHA-256 (session ids are stored hashed).
std::string sha256_hex(std::string_view text);

// Installs the User controller (new_password → hashed into __Auth; only
// System Managers change roles, enabled state or user type) and the
// PasswordStore that hashes API secrets.
void register_user_controller(model::EventRegistry& events);

// Creates the Administrator and Guest User documents when missing (Frappe
// has both as documents; links and owners point at them).
void ensure_standard_users(model::Session& session);

// Sets a user's login password (hashing it). DoesNotExistError when no such user.
void set_user_password(model::Session& session, const std::string& user, std::string_view password);

// The User name for a login id: the name itself, the email or the username.
// nullopt when none matches.
std::optional<std::string> find_login_user(model::Session& session, const std::string& login);
// True when the user's stored password matches.
bool check_user_password(model::Session& session, const std::string& user,
                         std::string_view password);
bool user_enabled(model::Session& session, const std::string& user);
std::string user_full_name(model::Session& session, const std::string& user);

// Frappe's frappe.get_roles: Guest → [Guest]; Administrator → every role;
// others → their Has Role rows + All + Guest.
std::vector<std::string> roles_for(model::Session& session, const std::string& user);
// Sets session.user and session.roles.
void act_as(model::Session& session, const std::string& user);

// frappe.core.doctype.user.user.generate_keys: a new secret (and a key if
// the user has none), saved on the User. Returns {api_key, api_secret}.
struct ApiKeys {
  std::string api_key;
  std::string api_secret;
};
ApiKeys generate_api_keys(model::Session& session, const std::string& user);
// The enabled user whose api_key is `key` and whose secret matches, or nullopt.
std::optional<std::string> user_for_api_key(model::Session& session, const std::string& key,
                                            std::string_view secret);

}  // namespace quire::http
