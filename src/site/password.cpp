#include "site/password.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <charconv>
#include <stdexcept>
#include <vector>

namespace quire::site {
namespace {

// OWASP's 2023 figure for PBKDF2-HMAC-SHA256; the count is stored in each
// hash, so raising it later leaves older hashes verifiable.
constexpr int kRounds = 600000;
constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;

std::vector<unsigned char> random_bytes(size_t n) {
  std::vector<unsigned char> bytes(n);
  if (RAND_bytes(bytes.data(), static_cast<int>(n)) != 1) {
    throw std::runtime_error("the system random generator failed");
  }
  return bytes;
}

constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./";

// passlib's "adapted base64": standard base64 with '.' for '+' and no padding.
std::string ab64_encode(const std::vector<unsigned char>& bytes) {
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    for (int shift = 18; shift >= 0; shift -= 6) out += kBase64[(v >> shift) & 63];
  }
  size_t rest = bytes.size() - i;
  if (rest > 0) {
    unsigned v = bytes[i] << 16;
    if (rest == 2) v |= bytes[i + 1] << 8;
    for (size_t k = 0; k <= rest; ++k) out += kBase64[(v >> (18 - 6 * k)) & 63];
  }
  return out;
}

bool ab64_decode(std::string_view text, std::vector<unsigned char>& out) {
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    auto pos = kBase64.find(c);
    if (pos == std::string_view::npos) return false;
    buffer = (buffer << 6) | static_cast<unsigned>(pos);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<unsigned char>((buffer >> bits) & 0xff));
    }
  }
  return true;
}

std::vector<unsigned char> pbkdf2(std::string_view password, const std::vector<unsigned char>& salt,
                                  int rounds, size_t length) {
  std::vector<unsigned char> key(length);
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                        static_cast<int>(salt.size()), rounds, EVP_sha256(),
                        static_cast<int>(length), key.data()) != 1) {
    throw std::runtime_error("PBKDF2 failed");
  }
  return key;
}

}  // namespace

std::string generate_password() {
  constexpr std::string_view alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  std::string password;
  while (password.size() < 20) {
    for (unsigned char b : random_bytes(32)) {
      // Rejection sampling keeps every character equally likely.
      if (b >= 256 - 256 % alphabet.size()) continue;
      password += alphabet[b % alphabet.size()];
      if (password.size() == 20) break;
    }
  }
  return password;
}

std::string hash_password(std::string_view password) {
  auto salt = random_bytes(kSaltBytes);
  return "$pbkdf2-sha256$" + std::to_string(kRounds) + "$" + ab64_encode(salt) + "$" +
         ab64_encode(pbkdf2(password, salt, kRounds, kHashBytes));
}

bool verify_password(std::string_view password, std::string_view hash) {
  constexpr std::string_view prefix = "$pbkdf2-sha256$";
  if (!hash.starts_with(prefix)) return false;
  hash.remove_prefix(prefix.size());
  std::array<std::string_view, 3> parts;
  for (size_t i = 0; i < 3; ++i) {
    auto end = hash.find('$');
    if ((i < 2) == (end == std::string_view::npos)) return false;
    parts[i] = hash.substr(0, end);
    hash = i < 2 ? hash.substr(end + 1) : std::string_view{};
  }
  int rounds = 0;
  auto [ptr, ec] = std::from_chars(parts[0].data(), parts[0].data() + parts[0].size(), rounds);
  if (ec != std::errc{} || ptr != parts[0].data() + parts[0].size() || rounds < 1) return false;
  std::vector<unsigned char> salt, expected;
  if (!ab64_decode(parts[1], salt) || !ab64_decode(parts[2], expected) || expected.empty()) {
    return false;
  }
  auto actual = pbkdf2(password, salt, rounds, expected.size());
  // Constant-time comparison: no early exit on the first differing byte.
  unsigned char diff = 0;
  for (size_t i = 0; i < actual.size(); ++i) diff |= actual[i] ^ expected[i];
  return diff == 0;
}

}  // namespace quire::site
