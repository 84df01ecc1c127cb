#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace quire::site {

// Fernet tokens (the `cryptography` package's Fernet, which Frappe uses to
// encrypt Password fields with the site's `encryption_key`): AES-128-CBC with
// PKCS#7 padding, authenticated by HMAC-SHA256, URL-safe base64. A token
// made here opens with Python's Fernet and the other way round.

// A new key: 32 random bytes, URL-safe base64 (Fernet.generate_key()).
std::string generate_fernet_key();

// Encrypts `plaintext` under `key` (as generate_fernet_key makes). Throws
// SiteError for a malformed key.
std::string fernet_encrypt(std::string_view key, std::string_view plaintext);

// The plaintext of `token`, or nullopt when the token is malformed or was
// not made with `key` (its HMAC does not match). Tokens do not expire.
std::optional<std::string> fernet_decrypt(std::string_view key, std::string_view token);

}  // namespace quire::site
