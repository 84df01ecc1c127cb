// int.bit_count, int.to_bytes and int.from_bytes.

#include <algorithm>

#include "lang/numeric/bigint.h"
#include "lang/numeric/error.h"

namespace quire::lang::numeric {

uint64_t BigInt::bit_count() const {
  return mpz_popcount(abs().raw());
}

std::string BigInt::to_bytes(int64_t length, bool little_endian, bool is_signed) const {
  if (length < 0) raise(ErrorKind::ValueError, "length argument must be non-negative");
  if (sign() < 0 && !is_signed) {
    raise(ErrorKind::OverflowError, "can't convert negative int to unsigned");
  }
  // Signed values need one spare bit for the sign: -2**(8L-1) <= v < 2**(8L-1).
  const uint64_t available = static_cast<uint64_t>(length) * 8;
  const uint64_t needed =
      sign() < 0 ? (~*this).bit_length() + 1 : bit_length() + (is_signed ? 1 : 0);
  // CPython lets 0 and -1 through with length 0: it checks the sign bit only
  // when there is a byte to hold it.
  const bool empty_ok = length == 0 && (is_zero() || (is_signed && *this == BigInt(-1)));
  if (needed > available && !empty_ok) {
    raise(ErrorKind::OverflowError, "int too big to convert");
  }
  std::string out(static_cast<size_t>(length), '\0');
  BigInt unsigned_value = *this;
  if (sign() < 0) unsigned_value = *this + BigInt::lshift(1, BigInt::from_uint64(available));
  size_t written = 0;
  if (!unsigned_value.is_zero()) {
    // Most significant byte first, right-aligned in the buffer.
    const size_t size = (unsigned_value.bit_length() + 7) / 8;
    mpz_export(out.data() + out.size() - size, &written, 1, 1, 1, 0, unsigned_value.raw());
  }
  if (little_endian) std::reverse(out.begin(), out.end());
  return out;
}

BigInt BigInt::from_bytes(std::string_view bytes, bool little_endian, bool is_signed) {
  BigInt result;
  if (bytes.empty()) return result;
  mpz_import(result.raw(), bytes.size(), little_endian ? -1 : 1, 1, 1, 0, bytes.data());
  const auto top = static_cast<unsigned char>(little_endian ? bytes.back() : bytes.front());
  if (is_signed && (top & 0x80)) {
    result = result - BigInt::lshift(1, BigInt::from_uint64(bytes.size() * 8));
  }
  return result;
}

}  // namespace quire::lang::numeric
