#pragma once

#include <string>
#include <string_view>

namespace quire::site {

// A random password for a new site's Administrator: 20 characters from an
// alphabet without look-alikes (no 0/O, 1/l/I), drawn from the OS's CSPRNG.
std::string generate_password();

// Hashes with PBKDF2-HMAC-SHA256 and a random salt, in passlib's
// "$pbkdf2-sha256$rounds$salt$hash" form: the form Frappe stores, so hashes
// move between the two unchanged.
std::string hash_password(std::string_view password);

// True when `password` matches a hash in the form above; false for any other
// password and for a malformed hash.
bool verify_password(std::string_view password, std::string_view hash);

}  // namespace quire::site
