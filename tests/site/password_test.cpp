#include "site/password.h"

#include <gtest/gtest.h>

#include <set>

namespace quire::site {
namespace {

TEST(Password, GeneratedPasswordsAreLongAndDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 20; ++i) {
    auto password = generate_password();
    EXPECT_EQ(password.size(), 20u);
    EXPECT_EQ(password.find_first_of("0O1lI"), std::string::npos) << password;
    seen.insert(password);
  }
  EXPECT_EQ(seen.size(), 20u);
}

TEST(Password, AHashVerifiesItsPasswordAndNoOther) {
  auto hash = hash_password("s3cret");
  EXPECT_TRUE(hash.starts_with("$pbkdf2-sha256$")) << hash;
  EXPECT_TRUE(verify_password("s3cret", hash));
  EXPECT_FALSE(verify_password("s3creT", hash));
  EXPECT_FALSE(verify_password("", hash));
  // A random salt: the same password hashes differently each time.
  EXPECT_NE(hash, hash_password("s3cret"));
}

// Expected hashes computed by CPython's hashlib.pbkdf2_hmac, encoded the way
// passlib (and so Frappe) stores them.
TEST(Password, VerifiesHashesMadeByPasslibsScheme) {
  EXPECT_TRUE(verify_password(
      "admin",
      "$pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$aNn8BQr5aSJJHHIbUz0UQmUI3Tvt1HL.cOX4vmht/q4"));
  EXPECT_FALSE(verify_password(
      "admin2",
      "$pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$aNn8BQr5aSJJHHIbUz0UQmUI3Tvt1HL.cOX4vmht/q4"));
  // UTF-8 password, salt bytes outside ASCII, two rounds.
  EXPECT_TRUE(verify_password("p\xc3\xa4ssw\xc3\xb6rd",
                              "$pbkdf2-sha256$2$//79$rRnqszcSkcKboNg21WfrYrwiYKy2SMcLpgRRo99rn8U"));
}

TEST(Password, MalformedHashesNeverVerify) {
  for (const char* bad :
       {"", "plain", "$pbkdf2-sha256$", "$pbkdf2-sha256$1000$abc", "$pbkdf2-sha256$x$MDEy$aNn8",
        "$pbkdf2-sha256$0$MDEy$aNn8", "$pbkdf2-sha256$1000$MD!y$aNn8", "$pbkdf2-sha256$1000$MDEy$",
        "$pbkdf2-sha256$1000$MDEy$aNn8$extra", "$pbkdf2-sha512$1000$MDEy$aNn8"}) {
    EXPECT_FALSE(verify_password("admin", bad)) << bad;
  }
}

}  // namespace
}  // namespace quire::site
