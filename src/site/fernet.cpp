#include "site/fernet.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <chrono>
#include <memory>
#include <vector>

#include "site/site_error.h"

namespace quire::site {
namespace {

using Bytes = std::vector<unsigned char>;

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url_encode(const Bytes& data) {
  std::string out;
  size_t i = 0;
  for (; i + 2 < data.size(); i += 3) {
    unsigned v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    for (int s = 18; s >= 0; s -= 6) out += kAlphabet[(v >> s) & 63];
  }
  if (i + 1 == data.size()) {
    unsigned v = data[i] << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == data.size()) {
    unsigned v = (data[i] << 16) | (data[i + 1] << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

// Accepts both alphabets (Python's urlsafe_b64decode is strict about '=' but
// keys are often pasted around): nullopt for anything else.
std::optional<Bytes> base64url_decode(std::string_view text) {
  Bytes out;
  unsigned value = 0;
  int bits = 0;
  size_t padding = 0;
  for (char c : text) {
    int d;
    if (c >= 'A' && c <= 'Z')
      d = c - 'A';
    else if (c >= 'a' && c <= 'z')
      d = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      d = c - '0' + 52;
    else if (c == '-' || c == '+')
      d = 62;
    else if (c == '_' || c == '/')
      d = 63;
    else if (c == '=') {
      ++padding;
      continue;
    } else {
      return std::nullopt;
    }
    if (padding) return std::nullopt;  // data after padding
    value = (value << 6) | static_cast<unsigned>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<unsigned char>((value >> bits) & 0xff));
    }
  }
  return out;
}

Bytes key_bytes(std::string_view key) {
  auto decoded = base64url_decode(key);
  if (!decoded || decoded->size() != 32) {
    throw SiteError("the encryption key must be 32 bytes in URL-safe base64");
  }
  return *decoded;
}

Bytes hmac_sha256(const unsigned char* key, const Bytes& data) {
  Bytes mac(32);
  unsigned length = 0;
  HMAC(EVP_sha256(), key, 16, data.data(), data.size(), mac.data(), &length);
  return mac;
}

struct CipherContext {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  ~CipherContext() { EVP_CIPHER_CTX_free(ctx); }
};

}  // namespace

std::string generate_fernet_key() {
  Bytes key(32);
  if (RAND_bytes(key.data(), 32) != 1) throw SiteError("no random bytes for a key");
  return base64url_encode(key);
}

std::string fernet_encrypt(std::string_view key_text, std::string_view plaintext) {
  Bytes key = key_bytes(key_text);
  Bytes token = {0x80};
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count();
  for (int s = 56; s >= 0; s -= 8) token.push_back(static_cast<unsigned char>(seconds >> s));
  unsigned char iv[16];
  if (RAND_bytes(iv, 16) != 1) throw SiteError("no random bytes for an IV");
  token.insert(token.end(), iv, iv + 16);
  CipherContext c;
  Bytes cipher(plaintext.size() + 16);
  int n = 0, tail = 0;
  if (!c.ctx || EVP_EncryptInit_ex(c.ctx, EVP_aes_128_cbc(), nullptr, key.data() + 16, iv) != 1 ||
      EVP_EncryptUpdate(c.ctx, cipher.data(), &n,
                        reinterpret_cast<const unsigned char*>(plaintext.data()),
                        static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(c.ctx, cipher.data() + n, &tail) != 1) {
    throw SiteError("encryption failed");
  }
  token.insert(token.end(), cipher.begin(), cipher.begin() + n + tail);
  Bytes mac = hmac_sha256(key.data(), token);
  token.insert(token.end(), mac.begin(), mac.end());
  return base64url_encode(token);
}

std::optional<std::string> fernet_decrypt(std::string_view key_text, std::string_view token_text) {
  Bytes key = key_bytes(key_text);
  auto token = base64url_decode(token_text);
  // version + timestamp + IV + at least one block + HMAC
  if (!token || token->size() < 1 + 8 + 16 + 16 + 32 || (*token)[0] != 0x80 ||
      (token->size() - 1 - 8 - 16 - 32) % 16 != 0) {
    return std::nullopt;
  }
  Bytes signed_part(token->begin(), token->end() - 32);
  Bytes mac = hmac_sha256(key.data(), signed_part);
  if (CRYPTO_memcmp(mac.data(), token->data() + token->size() - 32, 32) != 0) return std::nullopt;
  const unsigned char* iv = token->data() + 9;
  const unsigned char* cipher = token->data() + 25;
  int cipher_size = static_cast<int>(token->size() - 25 - 32);
  CipherContext c;
  Bytes plain(static_cast<size_t>(cipher_size) + 16);
  int n = 0, tail = 0;
  if (!c.ctx || EVP_DecryptInit_ex(c.ctx, EVP_aes_128_cbc(), nullptr, key.data() + 16, iv) != 1 ||
      EVP_DecryptUpdate(c.ctx, plain.data(), &n, cipher, cipher_size) != 1 ||
      EVP_DecryptFinal_ex(c.ctx, plain.data() + n, &tail) != 1) {
    return std::nullopt;
  }
  return std::string(plain.begin(), plain.begin() + n + tail);
}

}  // namespace quire::site
