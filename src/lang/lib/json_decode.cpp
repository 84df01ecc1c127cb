// json.loads: CPython 3.11's C scanner (_json.c scan_once_unicode and
// friends), so errors carry the same message and the same position, counted
// in code points: "Expecting ',' delimiter: line 1 column 4 (char 3)".
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "lang/lib/json.h"
#include "lang/sandbox/host.h"
#include "lang/text/utf8.h"

namespace quire::lang::json {

namespace {

bool is_ws(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_digit(char32_t c) {
  return c >= '0' && c <= '9';
}

class Decoder {
 public:
  Decoder(Isolate& I, std::u32string text, const LoadOptions& o, Value doc)
      : I_(I), s_(std::move(text)), o_(o), doc_(doc) {
    // Nesting is native recursion: also capped so a large trusted recursion
    // limit cannot exhaust the C++ stack.
    limit_ = std::min(I.max_depth - static_cast<int>(I.frames.size()), 5000);
  }

  // decoder.decode: the value, then only whitespace.
  Value decode() {
    if (!s_.empty() && s_[0] == 0xfeff)
      return error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
    std::size_t idx = skip_ws(0);
    std::size_t end;
    Value v = scan_once(idx, end);
    if (v.is_undef()) return error("Expecting value", stop_at_);
    if (v.is_exc()) return v;
    end = skip_ws(end);
    if (end != s_.size()) {
      decref(v);
      return error("Extra data", end);
    }
    return v;
  }

 private:
  std::size_t skip_ws(std::size_t i) const {
    while (i < s_.size() && is_ws(s_[i])) ++i;
    return i;
  }

  // JSONDecodeError(msg, doc, pos).
  Value error(const std::string& msg, std::size_t pos) {
    std::size_t line = 1, last_nl = std::string::npos;
    for (std::size_t i = 0; i < pos && i < s_.size(); ++i)
      if (s_[i] == '\n') {
        ++line;
        last_nl = i;
      }
    std::size_t col = last_nl == std::string::npos ? pos + 1 : pos - last_nl;
    std::string text = msg + ": line " + std::to_string(line) + " column " + std::to_string(col) +
                       " (char " + std::to_string(pos) + ")";
    Tuple* args = alloc_tuple(I_, 1);
    args->items()[0] = new_str(I_, text);
    Value e = new_exception(I_, decode_error_type(), Value::object(args));
    Value m = new_str(I_, msg);
    host::set_attribute(I_, e, "msg", m);
    decref(m);
    if (doc_.is_undef()) {
      std::string utf8;
      for (char32_t c : s_) text::append_utf8(utf8, c);
      Value d = new_str(I_, utf8);
      host::set_attribute(I_, e, "doc", d);
      decref(d);
    } else {
      host::set_attribute(I_, e, "doc", doc_);
    }
    host::set_attribute(I_, e, "pos", Value::integer(static_cast<std::int64_t>(pos)));
    host::set_attribute(I_, e, "lineno", Value::integer(static_cast<std::int64_t>(line)));
    host::set_attribute(I_, e, "colno", Value::integer(static_cast<std::int64_t>(col)));
    return raise_value(I_, e);
  }

  bool matches(std::size_t idx, std::u32string_view word) const {
    return s_.size() - idx >= word.size() &&
           std::u32string_view(s_).substr(idx, word.size()) == word;
  }

  // scan_once: a value (new reference), Exc, or Undef for StopIteration at
  // stop_at_ ("Expecting value" there).
  Value scan_once(std::size_t idx, std::size_t& end) {
    if (idx >= s_.size()) return stop(idx);
    switch (s_[idx]) {
      case '"':
        return scan_string(idx + 1, end);
      case '{':
        return nested(idx, end, true);
      case '[':
        return nested(idx, end, false);
      case 'n':
        if (matches(idx, U"null")) {
          end = idx + 4;
          return Value::none();
        }
        break;
      case 't':
        if (matches(idx, U"true")) {
          end = idx + 4;
          return Value::boolean(true);
        }
        break;
      case 'f':
        if (matches(idx, U"false")) {
          end = idx + 5;
          return Value::boolean(false);
        }
        break;
      case 'N':
        if (matches(idx, U"NaN")) {
          end = idx + 3;
          return constant("NaN", NAN);
        }
        break;
      case 'I':
        if (matches(idx, U"Infinity")) {
          end = idx + 8;
          return constant("Infinity", HUGE_VAL);
        }
        break;
      case '-':
        if (matches(idx, U"-Infinity")) {
          end = idx + 9;
          return constant("-Infinity", -HUGE_VAL);
        }
        break;
      default:
        break;
    }
    return scan_number(idx, end);
  }

  Value stop(std::size_t idx) {
    stop_at_ = idx;
    return Value();
  }

  Value constant(const char* name, double value) {
    if (o_.parse_constant.is_undef()) return Value::real(value);
    Value text = new_str(I_, name);
    Value r = call1(I_, o_.parse_constant, text);
    decref(text);
    return r;
  }

  Value nested(std::size_t idx, std::size_t& end, bool object) {
    if (++depth_ > limit_) {
      --depth_;
      return raise(I_, types().RecursionError,
                   std::string("maximum recursion depth exceeded while decoding a JSON ") +
                       (object ? "object" : "array") + " from a unicode string");
    }
    Value r = object ? scan_object(idx + 1, end) : scan_array(idx + 1, end);
    --depth_;
    return r;
  }

  Value scan_number(std::size_t start, std::size_t& end) {
    std::size_t idx = start, n = s_.size();
    if (s_[idx] == '-') {
      ++idx;
      if (idx >= n) return stop(start);
    }
    if (s_[idx] >= '1' && s_[idx] <= '9') {
      ++idx;
      while (idx < n && is_digit(s_[idx])) ++idx;
    } else if (s_[idx] == '0') {
      ++idx;
    } else {
      return stop(start);
    }
    bool is_float = false;
    if (idx + 1 < n && s_[idx] == '.' && is_digit(s_[idx + 1])) {
      is_float = true;
      idx += 2;
      while (idx < n && is_digit(s_[idx])) ++idx;
    }
    if (idx + 1 < n && (s_[idx] == 'e' || s_[idx] == 'E')) {
      std::size_t e_start = idx++;
      if (idx + 1 < n && (s_[idx] == '-' || s_[idx] == '+')) ++idx;
      while (idx < n && is_digit(s_[idx])) ++idx;
      if (is_digit(s_[idx - 1]))
        is_float = true;
      else
        idx = e_start;
    }
    end = idx;
    std::string digits(s_.begin() + static_cast<std::ptrdiff_t>(start),
                       s_.begin() + static_cast<std::ptrdiff_t>(idx));
    Value hook = is_float ? o_.parse_float : o_.parse_int;
    if (!hook.is_undef()) {
      Value text = new_str(I_, digits);
      Value r = call1(I_, hook, text);
      decref(text);
      return r;
    }
    return is_float ? float_from_string(I_, digits) : int_from_string(I_, digits, 10);
  }

  // scanstring: idx is just after the opening quote.
  Value scan_string(std::size_t idx, std::size_t& end) {
    std::string out;
    if (!string_body(idx, end, out)) return Value::exc();
    return new_str(I_, out);
  }

  bool hex4(std::size_t at, char32_t& value) const {
    value = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
      char32_t d = s_[i];
      value <<= 4;
      if (d >= '0' && d <= '9')
        value |= d - '0';
      else if (d >= 'a' && d <= 'f')
        value |= d - 'a' + 10;
      else if (d >= 'A' && d <= 'F')
        value |= d - 'A' + 10;
      else
        return false;
    }
    return true;
  }

  bool string_body(std::size_t idx, std::size_t& end_out, std::string& out) {
    std::size_t begin = idx - 1, len = s_.size();
    std::size_t end = idx;
    while (true) {
      std::size_t next = end;
      char32_t c = 0;
      for (; next < len; ++next) {
        c = s_[next];
        if (c == '"' || c == '\\') break;
        if (c <= 0x1f && o_.strict) {
          error("Invalid control character at", next);
          return false;
        }
        text::append_utf8(out, c);
      }
      if (next >= len) {
        error("Unterminated string starting at", begin);
        return false;
      }
      ++next;
      if (c == '"') {
        end = next;
        break;
      }
      if (next == len) {
        error("Unterminated string starting at", begin);
        return false;
      }
      c = s_[next];
      if (c != 'u') {
        end = next + 1;
        switch (c) {
          case '"':
          case '\\':
          case '/':
            break;
          case 'b':
            c = '\b';
            break;
          case 'f':
            c = '\f';
            break;
          case 'n':
            c = '\n';
            break;
          case 'r':
            c = '\r';
            break;
          case 't':
            c = '\t';
            break;
          default:
            c = 0;
        }
        if (c == 0) {
          error("Invalid \\escape", end - 2);
          return false;
        }
      } else {
        ++next;
        end = next + 4;
        if (end >= len) {
          error("Invalid \\uXXXX escape", next - 1);
          return false;
        }
        if (!hex4(next, c)) {
          error("Invalid \\uXXXX escape", end - 5);
          return false;
        }
        next = end;
        // A high surrogate followed by \uDC00..\uDFFF joins into one code point.
        if (c >= 0xd800 && c <= 0xdbff && end + 6 < len && s_[next] == '\\' &&
            s_[next + 1] == 'u') {
          char32_t c2;
          end += 6;
          if (!hex4(next + 2, c2)) {
            error("Invalid \\uXXXX escape", end - 5);
            return false;
          }
          if (c2 >= 0xdc00 && c2 <= 0xdfff)
            c = 0x10000 + (((c - 0xd800) << 10) | (c2 - 0xdc00));
          else
            end -= 6;
        }
      }
      text::append_utf8(out, c);
    }
    end_out = end;
    return true;
  }

  Value finish_pairs(std::vector<std::pair<Value, Value>>& pairs) {
    Value result;
    if (!o_.object_pairs_hook.is_undef()) {
      List* list = alloc_list(I_, pairs.size());
      for (auto& [k, v] : pairs) {
        Value kv[2] = {k, v};
        list_append(I_, list, new_tuple_from(I_, kv, 2));
      }
      Value lv = Value::object(list);
      result = call1(I_, o_.object_pairs_hook, lv);
      decref(lv);
    } else {
      Dict* d = alloc_dict(I_);
      result = Value::object(d);
      for (auto& [k, v] : pairs) {
        if (!dict_set(I_, d, k, v)) {
          decref(result);
          result = Value::exc();
          break;
        }
      }
      if (!result.is_exc() && !o_.object_hook.is_undef()) {
        Value hooked = call1(I_, o_.object_hook, result);
        decref(result);
        result = hooked;
      }
    }
    release(pairs);
    return result;
  }

  static void release(std::vector<std::pair<Value, Value>>& pairs) {
    for (auto& [k, v] : pairs) {
      decref(k);
      decref(v);
    }
    pairs.clear();
  }

  // _parse_object_unicode: idx is just after '{'.
  Value scan_object(std::size_t idx, std::size_t& end) {
    std::vector<std::pair<Value, Value>> pairs;
    std::size_t n = s_.size();
    idx = skip_ws(idx);
    if (idx >= n || s_[idx] != '}') {
      while (true) {
        if (idx >= n || s_[idx] != '"') {
          release(pairs);
          return error("Expecting property name enclosed in double quotes", idx);
        }
        std::size_t next;
        Value key = scan_string(idx + 1, next);
        if (key.is_exc()) {
          release(pairs);
          return key;
        }
        idx = skip_ws(next);
        if (idx >= n || s_[idx] != ':') {
          decref(key);
          release(pairs);
          return error("Expecting ':' delimiter", idx);
        }
        idx = skip_ws(idx + 1);
        Value val = scan_once(idx, next);
        if (val.is_undef() || val.is_exc()) {
          decref(key);
          release(pairs);
          return val;
        }
        pairs.emplace_back(key, val);
        idx = skip_ws(next);
        if (idx < n && s_[idx] == '}') break;
        if (idx >= n || s_[idx] != ',') {
          release(pairs);
          return error("Expecting ',' delimiter", idx);
        }
        idx = skip_ws(idx + 1);
      }
    }
    end = idx + 1;
    return finish_pairs(pairs);
  }

  // _parse_array_unicode: idx is just after '['.
  Value scan_array(std::size_t idx, std::size_t& end) {
    List* list = alloc_list(I_);
    Value lv = Value::object(list);
    std::size_t n = s_.size();
    idx = skip_ws(idx);
    if (idx >= n || s_[idx] != ']') {
      while (true) {
        std::size_t next;
        Value val = scan_once(idx, next);
        if (val.is_undef() || val.is_exc()) {
          decref(lv);
          return val;
        }
        list_append(I_, list, val);
        idx = skip_ws(next);
        if (idx < n && s_[idx] == ']') break;
        if (idx >= n || s_[idx] != ',') {
          decref(lv);
          return error("Expecting ',' delimiter", idx);
        }
        idx = skip_ws(idx + 1);
      }
    }
    end = idx + 1;
    return lv;
  }

  Isolate& I_;
  std::u32string s_;
  const LoadOptions& o_;
  Value doc_;
  std::size_t stop_at_ = 0;
  int depth_ = 0;
  int limit_ = 1000;
};

}  // namespace

Value load_text(Isolate& I, std::string_view utf8, const LoadOptions& options, Value doc) {
  init_runtime();  // host code may call this before anything else
  // The scanner works on code points (positions in messages are code points):
  // that copy lives outside the heap, so it must fit the isolate's budget.
  if (!I.heap.would_fit(utf8.size() * sizeof(char32_t)))
    return raise_no_args(I, types().MemoryError);
  std::u32string text;
  text.reserve(utf8.size());
  for (std::size_t pos = 0; pos < utf8.size();) text.push_back(text::decode_utf8(utf8, pos));
  Decoder decoder(I, std::move(text), options, doc);
  return decoder.decode();
}

}  // namespace quire::lang::json
