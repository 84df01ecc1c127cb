// Fernet tokens against Python's `cryptography` Fernet (python3 at test time).
#include "site/fernet.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <memory>

#include "../support/temp_dir.h"
#include "site/site_error.h"

namespace quire::site {
namespace {

// Runs python3 with `code` (written to a unique file) and returns its output.
std::string python(const std::string& code) {
  quire::testing::TempDir dir;
  auto path = (dir / "fernet.py").string();
  if (FILE* f = std::fopen(path.c_str(), "w")) {
    std::fputs(code.c_str(), f);
    std::fclose(f);
  }
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(("python3 " + path).c_str(), "r"), pclose);
  std::string out;
  std::array<char, 512> buf{};
  while (pipe && std::fgets(buf.data(), buf.size(), pipe.get())) out += buf.data();
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

TEST(Fernet, PythonOpensOurTokens) {
  std::string key = generate_fernet_key();
  std::string secret = "s3cr\xc3\xa9t with 'quotes' and a long tail to span blocks .........";
  std::string token = fernet_encrypt(key, secret);
  std::string opened = python(
      "from cryptography.fernet import Fernet\n"
      "print(Fernet(b'" +
      key + "').decrypt(b'" + token + "').decode('utf-8'))\n");
  EXPECT_EQ(opened, secret);
}

TEST(Fernet, WeOpenPythonsTokens) {
  std::string key =
      python("from cryptography.fernet import Fernet\nprint(Fernet.generate_key().decode())\n");
  ASSERT_EQ(key.size(), 44u);
  for (const char* plain : {"", "a", "exactly sixteen!", "api secret 0123456789abcdef"}) {
    std::string token = python(
        "from cryptography.fernet import Fernet\n"
        "print(Fernet(b'" +
        key + "').encrypt(b'" + plain + "').decode())\n");
    EXPECT_EQ(fernet_decrypt(key, token), std::optional<std::string>(plain)) << plain;
  }
}

TEST(Fernet, WrongKeysTamperingAndBadKeysAreRefused) {
  std::string key = generate_fernet_key();
  std::string token = fernet_encrypt(key, "hello");
  EXPECT_EQ(fernet_decrypt(generate_fernet_key(), token), std::nullopt);
  std::string tampered = token;
  tampered[30] = tampered[30] == 'A' ? 'B' : 'A';
  EXPECT_EQ(fernet_decrypt(key, tampered), std::nullopt);
  EXPECT_EQ(fernet_decrypt(key, "not a token"), std::nullopt);
  EXPECT_THROW(fernet_encrypt("short", "x"), SiteError);
  EXPECT_NE(fernet_encrypt(key, "hello"), token) << "a fresh IV every time";
}

}  // namespace
}  // namespace quire::site
