// The position table of a code object (CPython's co_positions, compacted).
//
// Consecutive instructions compiled from the same expression share a
// position, so the table is a list of runs: run length, first line (delta
// from the previous run, zigzag), end line (delta from the first), start and
// end column (+1, so that -1 "unknown" encodes as 0), each an unsigned
// LEB128 varint. A typical run is 5 bytes and covers several instructions;
// the VM never reads it (only traceback formatting does), so decoding is a
// linear scan.

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

void PositionTableWriter::flush() {
  if (run_length_ == 0) return;
  const Position& p = run_position_;
  put_varint(out_, run_length_);
  put_varint(out_, zigzag(static_cast<std::int64_t>(p.line) - previous_.line));
  put_varint(out_, static_cast<std::uint64_t>(p.end_line > p.line ? p.end_line - p.line : 0));
  put_varint(out_, static_cast<std::uint64_t>(p.col < 0 ? 0 : p.col + 1));
  put_varint(out_, static_cast<std::uint64_t>(p.end_col < 0 ? 0 : p.end_col + 1));
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
    std::uint64_t length = get_varint(p, end);
    at.line = static_cast<int>(at.line + unzigzag(get_varint(p, end)));
    at.end_line = at.line + static_cast<int>(get_varint(p, end));
    at.col = static_cast<int>(get_varint(p, end)) - 1;
    at.end_col = static_cast<int>(get_varint(p, end)) - 1;
    if (index < first + length) return at;
    first += length;
  }
  Position unknown;
  unknown.line = unknown.end_line = index < lines.size() ? lines[index] : 0;
  return unknown;
}

}  // namespace quire::lang
