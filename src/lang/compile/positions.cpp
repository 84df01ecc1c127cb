// The position table of a code object (CPython's co_positions, compacted).
//
// Consecutive instructions compiled from the same expression share a
// position, so the table is a list of runs. A run starts with a header byte:
//   bits 0-2  run length - 1 (7: the length follows as a varint)
//   bit 3     same first line as the previous run (else zigzag delta follows)
//   bit 4     ends on its first line (else end line - first line follows)
//   bit 5     columns unknown (else start column, then zigzag(end - start))
// then those fields as unsigned LEB128 varints. A typical run is 3 bytes.
// The VM never reads the table (only traceback formatting does), so
// decoding is a linear scan.

#include <cstdint>
#include <vector>

#include "lang/compile/code.h"

namespace quire::lang {

namespace {

void put_varint(std::vector<std::uint8_t>& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(v));
}

std::uint64_t get_varint(const std::uint8_t*& p, const std::uint8_t* end) {
  std::uint64_t v = 0;
  for (int shift = 0; p < end && shift < 64; shift += 7) {
    std::uint8_t b = *p++;
    v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) break;
  }
  return v;
}

std::uint64_t zigzag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}

std::int64_t unzigzag(std::uint64_t v) {
  return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

}  // namespace

void PositionTableWriter::add(const Position& p) {
  if (run_length_ > 0 && p == run_position_) {
    ++run_length_;
    return;
  }
  flush();
  run_position_ = p;
  run_length_ = 1;
}

namespace {
constexpr std::uint8_t kLengthFollows = 7, kSameLine = 8, kOneLine = 16, kNoColumns = 32;
}  // namespace

void PositionTableWriter::flush() {
  if (run_length_ == 0) return;
  const Position& p = run_position_;
  bool known = p.col >= 0 && p.end_col >= 0;
  std::uint8_t header =
      run_length_ <= 7 ? static_cast<std::uint8_t>(run_length_ - 1) : kLengthFollows;
  if (p.line == previous_.line) header |= kSameLine;
  if (p.end_line <= p.line) header |= kOneLine;
  if (!known) header |= kNoColumns;
  out_.push_back(header);
  if (run_length_ > 7) put_varint(out_, run_length_);
  if (p.line != previous_.line)
    put_varint(out_, zigzag(static_cast<std::int64_t>(p.line) - previous_.line));
  if (p.end_line > p.line) put_varint(out_, static_cast<std::uint64_t>(p.end_line - p.line));
  if (known) {
    put_varint(out_, static_cast<std::uint64_t>(p.col));
    put_varint(out_, zigzag(static_cast<std::int64_t>(p.end_col) - p.col));
  }
  previous_ = p;
  run_length_ = 0;
}

std::vector<std::uint8_t> PositionTableWriter::finish() {
  flush();
  out_.shrink_to_fit();
  return std::move(out_);
}

Position Code::position(std::size_t index) const {
  const std::uint8_t* p = positions.data();
  const std::uint8_t* end = p + positions.size();
  Position at;
  std::size_t first = 0;
  while (p < end) {
    std::uint8_t header = *p++;
    std::uint64_t length = (header & 7) == kLengthFollows ? get_varint(p, end) : (header & 7) + 1u;
    if (!(header & kSameLine)) at.line = static_cast<int>(at.line + unzigzag(get_varint(p, end)));
    at.end_line = at.line + (header & kOneLine ? 0 : static_cast<int>(get_varint(p, end)));
    if (header & kNoColumns) {
      at.col = at.end_col = -1;
    } else {
      at.col = static_cast<int>(get_varint(p, end));
      at.end_col = static_cast<int>(at.col + unzigzag(get_varint(p, end)));
    }
    if (index < first + length) return at;
    first += length;
  }
  Position unknown;
  unknown.line = unknown.end_line = index < lines.size() ? lines[index] : 0;
  return unknown;
}

}  // namespace quire::lang
