// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// str: creation helpers, indexing, and the methods of str.

#include <algorithm>
#include <cstring>

#include "lang/lib/register.h"
#include "lang/lib/scratch_items.h"
#include "lang/lib/text_bridge.h"
#include "lang/object/bigint.h"
#include "lang/object/runtime.h"
#include "lang/sandbox/work.h"
#include "lang/text/search.h"
#include "lang/text/unicode.h"
#include "lang/text/utf8.h"

namespace quire::lang {

namespace {

// Byte offset of code point `index` in s.
std::size_t byte_at(const Str* s, std::size_t index) {
  if (s->ascii) return index;
  const char* p = s->data();
  std::size_t cp = 0, i = 0;
  while (i < s->nbytes && cp < index) {
    ++i;
    while (i < s->nbytes && (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80) ++i;
    ++cp;
  }
  return i;
}

std::size_t cp_index_of_byte(const Str* s, std::size_t byte) {
  if (s->ascii) return byte;
  std::size_t cp = 0;
  for (std::size_t i = 0; i < byte && i < s->nbytes; ++i)
    if ((static_cast<unsigned char>(s->data()[i]) & 0xC0) != 0x80) ++cp;
  return cp;
}

Str* self_str(Value* args) {
  return as_str(args[0]);
}

bool want_str(Isolate& I, Value v, const char* what) {
  if (is_str(v)) return true;
  raise(I, types().TypeError, std::string(what) + type_name(v));
  return false;
}

Value make(Isolate& I, std::string_view s) {
  return new_str(I, s);
}

// Length in bytes of the whitespace code point at text[i], or 0 (str.split()'s set).
std::size_t space_at(std::string_view text, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return (c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f)) ? 1 : 0;
  std::size_t pos = i;
  char32_t cp = text::decode_utf8(text, pos);
  return text::is_space(cp) ? pos - i : 0;
}
// Length of the whitespace code point ending at text[end-1], or 0.
std::size_t space_before(std::string_view text, std::size_t end) {
  std::size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  std::size_t n = space_at(text, start);
  return n == end - start ? n : 0;
}

// Optional [start, end] arguments of find/count/startswith... as byte offsets.
bool range_args(Isolate& I, Str* s, Value* args, std::size_t nargs, std::size_t first,
                std::size_t& b0, std::size_t& b1) {
  std::int64_t n = static_cast<std::int64_t>(s->length);
  std::int64_t start = 0, end = n;
  if (nargs > first && !args[first].is_none()) {
    if (!to_int64(I, args[first], start, "slice indices")) return false;
  }
  if (nargs > first + 1 && !args[first + 1].is_none()) {
    if (!to_int64(I, args[first + 1], end, "slice indices")) return false;
  }
  if (start < 0) start = std::max<std::int64_t>(0, start + n);
  if (end < 0) end = std::max<std::int64_t>(0, end + n);
  if (end > n) end = n;
  if (start > n) {
    b0 = s->nbytes + 1;
    b1 = s->nbytes;
    return true;
  }
  b0 = byte_at(s, static_cast<std::size_t>(start));
  b1 = byte_at(s, static_cast<std::size_t>(std::max(end, start)));
  if (end < start) b1 = b0, b0 = b0 + 1;  // empty, and marks "start beyond end"
  return true;
}

Value m_join(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (nargs != 2 || kw) return raise(I, types().TypeError, "str.join() takes exactly one argument");
  Str* sep = self_str(args);
  Value it = get_iter(I, args[1]);
  if (it.is_exc()) {
    decref(I.pending);
    I.pending = Value();
    return raise(I, types().TypeError, "can only join an iterable");
  }
  ScratchItems parts(I);
  std::size_t total = 0;
  for (;;) {
    Value x = iter_next(I, it);
    if (!x.is_exc() && !x.is_undef() && parts.size() == parts.capacity() && !parts.grow()) {
      decref(x);
      x = Value::exc();
    }
    if (x.is_exc()) {
      for (auto& p : parts) decref(p);
      decref(it);
      return x;
    }
    if (x.is_undef()) break;
    if (!is_str(x)) {
      std::string msg = "sequence item " + std::to_string(parts.size()) +
                        ": expected str instance, " + type_name(x) + " found";
      decref(x);
      for (auto& p : parts) decref(p);
      decref(it);
      return raise(I, types().TypeError, msg);
    }
    total += as_str(x)->nbytes;
    parts.push_back(x);
  }
  decref(it);
  if (!parts.empty()) total += sep->nbytes * (parts.size() - 1);
  Str* out = alloc_str(I, total);
  char* p = out->data();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) {
      std::memcpy(p, sep->data(), sep->nbytes);
      p += sep->nbytes;
    }
    Str* part = as_str(parts[i]);
    std::memcpy(p, part->data(), part->nbytes);
    p += part->nbytes;
    decref(parts[i]);
  }
  finish_str(out);
  return Value::object(out);
}

// A split's pieces, found before any is made a str: the views and the list
// slots they will need must fit under the memory cap as they grow (a 20 MB
// string of "x " has 10 million pieces). After a refusal nothing more is kept.
class SplitPieces : public std::vector<std::string_view> {
 public:
  explicit SplitPieces(Isolate& I) : I_(I) {}
  void push_back(std::string_view piece) {
    if (!ok) return;
    if (size() == capacity()) {
      const std::size_t next = std::max<std::size_t>(16, capacity() * 2);
      if (!sandbox::room_for(I_, next * (sizeof(std::string_view) + sizeof(Value)))) {
        ok = false;
        return;
      }
      reserve(next);
    }
    std::vector<std::string_view>::push_back(piece);
  }
  bool ok = true;

 private:
  Isolate& I_;
};

Value split_impl(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, bool right) {
  Value a[2];
  if (!parse_args(I, right ? "rsplit" : "split", args + 1, nargs - 1, kw, {"sep", "maxsplit"}, 0,
                  a))
    return Value::exc();
  Str* s = self_str(args);
  std::int64_t maxsplit = -1;
  if (!a[1].is_undef() && !to_int64(I, a[1], maxsplit, "maxsplit")) return Value::exc();
  std::string_view text = s->view();
  List* out = alloc_list(I);
  Value outv = Value::object(out);
  SplitPieces pieces(I);
  if (a[0].is_undef() || a[0].is_none()) {
    if (!right) {
      std::size_t i = 0;
      while (i < text.size()) {
        while (i < text.size()) {
          std::size_t n = space_at(text, i);
          if (!n) break;
          i += n;
        }
        if (i >= text.size()) break;
        if (maxsplit >= 0 && static_cast<std::int64_t>(pieces.size()) >= maxsplit) {
          pieces.push_back(text.substr(i));
          break;
        }
        std::size_t j = i;
        while (j < text.size() && !space_at(text, j)) {
          ++j;
          while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
        }
        pieces.push_back(text.substr(i, j - i));
        i = j;
      }
    } else {
      std::size_t i = text.size();
      while (i > 0) {
        while (i > 0) {
          std::size_t n = space_before(text, i);
          if (!n) break;
          i -= n;
        }
        if (i == 0) break;
        if (maxsplit >= 0 && static_cast<std::int64_t>(pieces.size()) >= maxsplit) {
          pieces.push_back(text.substr(0, i));
          break;
        }
        std::size_t j = i;
        while (j > 0 && !space_before(text, j)) {
          --j;
          while (j > 0 && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) --j;
        }
        pieces.push_back(text.substr(j, i - j));
        i = j;
      }
      std::reverse(pieces.begin(), pieces.end());
    }
  } else {
    if (!want_str(I, a[0], "must be str or None, not ")) {
      decref(outv);
      return Value::exc();
    }
    std::string_view sep = as_str(a[0])->view();
    if (sep.empty()) {
      decref(outv);
      return raise(I, types().ValueError, "empty separator");
    }
    if (!right) {
      std::size_t i = 0;
      for (;;) {
        if (maxsplit >= 0 && static_cast<std::int64_t>(pieces.size()) >= maxsplit) {
          pieces.push_back(text.substr(i));
          break;
        }
        std::size_t j = find_substring(text, sep, i);
        if (j == std::string_view::npos) {
          pieces.push_back(text.substr(i));
          break;
        }
        pieces.push_back(text.substr(i, j - i));
        i = j + sep.size();
      }
    } else {
      std::size_t end = text.size();
      for (;;) {
        if (maxsplit >= 0 && static_cast<std::int64_t>(pieces.size()) >= maxsplit) {
          pieces.push_back(text.substr(0, end));
          break;
        }
        std::size_t j = end >= sep.size() ? rfind_substring(text, sep, end - sep.size())
                                          : std::string_view::npos;
        if (j == std::string_view::npos || end < sep.size()) {
          pieces.push_back(text.substr(0, end));
          break;
        }
        pieces.push_back(text.substr(j + sep.size(), end - j - sep.size()));
        end = j;
      }
      std::reverse(pieces.begin(), pieces.end());
    }
  }
  if (!pieces.ok) {
    decref(outv);
    return Value::exc();
  }
  out->items.reserve(pieces.size());
  list_sync_charge(I, out);
  for (auto p : pieces) {
    list_append(I, out, make(I, p));
    // Each str is charged as it is made: stop at the cap, not after.
    if (I.heap.over_limit() && !check_limits(I)) {
      decref(outv);
      return Value::exc();
    }
  }
  return outv;
}

Value m_split(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  return split_impl(I, args, nargs, kw, false);
}
Value m_rsplit(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  return split_impl(I, args, nargs, kw, true);
}

Value strip_impl(Isolate& I, Value* args, std::size_t nargs, bool left, bool right,
                 const char* name) {
  if (nargs > 2)
    return raise(
        I, types().TypeError,
        std::string(name) + " expected at most 1 argument, got " + std::to_string(nargs - 1));
  Str* s = self_str(args);
  std::string_view t = s->view();
  std::size_t b = 0, e = t.size();
  if (nargs < 2 || args[1].is_none()) {
    if (left)
      while (b < e) {
        std::size_t n = space_at(t, b);
        if (!n) break;
        b += n;
      }
    if (right)
      while (e > b) {
        std::size_t n = space_before(t.substr(0, e), e);
        if (!n) break;
        e -= n;
      }
  } else {
    if (!is_str(args[1]))  // CPython 3.11 names no type here
      return raise(I, types().TypeError, std::string(name) + " arg must be None or str");
    Str* chars = as_str(args[1]);
    // Split chars into code points.
    std::vector<std::string_view> set;
    std::string_view cv = chars->view();
    for (std::size_t i = 0; i < cv.size();) {
      std::size_t j = i + 1;
      while (j < cv.size() && (static_cast<unsigned char>(cv[j]) & 0xC0) == 0x80) ++j;
      set.push_back(cv.substr(i, j - i));
      i = j;
    }
    auto starts_with_any = [&](std::size_t pos) -> std::size_t {
      for (auto c : set)
        if (t.substr(pos, c.size()) == c) return c.size();
      return 0;
    };
    auto ends_with_any = [&](std::size_t end) -> std::size_t {
      for (auto c : set)
        if (end >= c.size() && t.substr(end - c.size(), c.size()) == c) return c.size();
      return 0;
    };
    if (left)
      while (b < e) {
        std::size_t n = starts_with_any(b);
        if (!n) break;
        b += n;
      }
    if (right)
      while (e > b) {
        std::size_t n = ends_with_any(e);
        if (!n) break;
        e -= n;
      }
  }
  if (b == 0 && e == t.size()) {
    incref(args[0]);
    return args[0];
  }
  return make(I, t.substr(b, e - b));
}

Value m_strip(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return strip_impl(I, a, n, true, true, "strip");
}
Value m_lstrip(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return strip_impl(I, a, n, true, false, "lstrip");
}
Value m_rstrip(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return strip_impl(I, a, n, false, true, "rstrip");
}

Value affix_impl(Isolate& I, Value* args, std::size_t nargs, bool start, const char* name) {
  if (nargs < 2)
    return raise(I, types().TypeError,
                 std::string(name) + "() takes at least 1 argument (0 given)");
  Str* s = self_str(args);
  std::size_t b0, b1;
  if (!range_args(I, s, args, nargs, 2, b0, b1)) return Value::exc();
  auto check = [&](Value p, bool in_tuple) -> int {
    if (!is_str(p)) {
      raise(I, types().TypeError,
            in_tuple
                ? "tuple for " + std::string(name) + " must only contain str, not " + type_name(p)
                : std::string(name) + " first arg must be str or a tuple of str, not " +
                      type_name(p));
      return -1;
    }
    if (b0 > s->nbytes) return 0;
    std::string_view t = s->view().substr(b0, b1 >= b0 ? b1 - b0 : 0);
    std::string_view x = as_str(p)->view();
    if (b1 < b0) return x.empty() && b0 <= s->nbytes ? 1 : 0;
    if (x.size() > t.size()) return 0;
    return start ? t.substr(0, x.size()) == x : t.substr(t.size() - x.size()) == x;
  };
  if (is_tuple(args[1])) {
    Tuple* t = as_tuple(args[1]);
    for (std::size_t i = 0; i < t->size; ++i) {
      int r = check(t->items()[i], true);
      if (r < 0) return Value::exc();
      if (r) return Value::boolean(true);
    }
    return Value::boolean(false);
  }
  int r = check(args[1], false);
  if (r < 0) return Value::exc();
  return Value::boolean(r);
}

Value m_startswith(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return affix_impl(I, a, n, true, "startswith");
}
Value m_endswith(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return affix_impl(I, a, n, false, "endswith");
}

Value m_replace(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs < 3 || nargs > 4)
    return raise(I, types().TypeError,
                 "replace expected at least 2 arguments, got " + std::to_string(nargs - 1));
  if (!want_str(I, args[1], "replace() argument 1 must be str, not ")) return Value::exc();
  if (!want_str(I, args[2], "replace() argument 2 must be str, not ")) return Value::exc();
  std::int64_t count = -1;
  if (nargs == 4 && !to_int64(I, args[3], count, "count")) return Value::exc();
  std::string_view t = self_str(args)->view(), old = as_str(args[1])->view(),
                   neu = as_str(args[2])->view();
  // The result's size first (a second scan of the text is cheap next to
  // building it): refused before the text is built outside the heap.
  std::size_t replacements = 0;
  if (old.empty()) {
    std::size_t code_points = 0;
    for (char c : t) code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    replacements = code_points + 1;
  } else {
    for (std::size_t j = find_substring(t, old, 0); j != std::string_view::npos;
         j = find_substring(t, old, j + old.size()))
      ++replacements;
  }
  if (count >= 0) replacements = std::min(replacements, static_cast<std::size_t>(count));
  const double size = static_cast<double>(t.size()) +
                      static_cast<double>(replacements) *
                          (static_cast<double>(neu.size()) - static_cast<double>(old.size()));
  if (size > 1e15 || !I.heap.would_fit(static_cast<std::size_t>(size)))
    return raise_no_args(I, types().MemoryError);
  std::string out;
  out.reserve(static_cast<std::size_t>(size));
  std::size_t done = 0;
  if (old.empty()) {
    // Insert between every code point.
    std::size_t i = 0;
    if (done < replacements) {
      out += neu;
      ++done;
    }
    while (i < t.size()) {
      std::size_t j = i + 1;
      while (j < t.size() && (static_cast<unsigned char>(t[j]) & 0xC0) == 0x80) ++j;
      out += t.substr(i, j - i);
      i = j;
      if (done < replacements) {
        out += neu;
        ++done;
      }
    }
    return make(I, out);
  }
  std::size_t i = 0;
  for (; done < replacements; ++done) {
    std::size_t j = find_substring(t, old, i);
    out += t.substr(i, j - i);
    out += neu;
    i = j + old.size();
  }
  out += t.substr(i);
  return make(I, out);
}

Value find_impl(Isolate& I, Value* args, std::size_t nargs, bool reverse, bool raise_missing,
                const char* name) {
  if (nargs < 2)
    return raise(I, types().TypeError,
                 std::string(name) + "() takes at least 1 argument (0 given)");
  Str* s = self_str(args);
  if (!is_str(args[1]))
    return raise(I, types().TypeError, "must be str, not " + type_name(args[1]));
  std::size_t b0, b1;
  if (!range_args(I, s, args, nargs, 2, b0, b1)) return Value::exc();
  std::string_view x = as_str(args[1])->view();
  std::size_t pos = std::string_view::npos;
  if (b0 <= b1 && b0 <= s->nbytes) {
    std::string_view t = s->view().substr(0, b1);
    if (reverse) {
      pos = rfind_substring(t, x);
      if (pos != std::string_view::npos && pos < b0) pos = std::string_view::npos;
    } else {
      pos = find_substring(t, x, b0);
    }
  }
  if (pos == std::string_view::npos) {
    if (raise_missing) return raise(I, types().ValueError, "substring not found");
    return Value::integer(-1);
  }
  return Value::integer(static_cast<std::int64_t>(cp_index_of_byte(s, pos)));
}

Value m_find(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return find_impl(I, a, n, false, false, "find");
}
Value m_rfind(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return find_impl(I, a, n, true, false, "rfind");
}
Value m_index(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return find_impl(I, a, n, false, true, "index");
}
Value m_rindex(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return find_impl(I, a, n, true, true, "rindex");
}

Value m_count(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs < 2) return raise(I, types().TypeError, "count() takes at least 1 argument (0 given)");
  Str* s = self_str(args);
  if (!is_str(args[1]))
    return raise(I, types().TypeError, "must be str, not " + type_name(args[1]));
  std::size_t b0, b1;
  if (!range_args(I, s, args, nargs, 2, b0, b1)) return Value::exc();
  if (b0 > b1 || b0 > s->nbytes) return Value::integer(0);
  std::string_view t = s->view().substr(b0, b1 - b0), x = as_str(args[1])->view();
  if (x.empty())
    return Value::integer(
        static_cast<std::int64_t>(cp_index_of_byte(s, b1) - cp_index_of_byte(s, b0) + 1));
  std::int64_t n = 0;
  for (std::size_t i = find_substring(t, x); i != std::string_view::npos;
       i = find_substring(t, x, i + x.size()))
    ++n;
  return Value::integer(n);
}

using TextFn = std::string (*)(std::string_view);
template <TextFn F>
Value m_text(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1)
    return raise(I, types().TypeError,
                 "method takes no arguments (" + std::to_string(nargs - 1) + " given)");
  return make(I, F(self_str(args)->view()));
}

using PredFn = bool (*)(std::string_view);
template <PredFn F>
Value m_pred(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1)
    return raise(I, types().TypeError,
                 "method takes no arguments (" + std::to_string(nargs - 1) + " given)");
  return Value::boolean(F(self_str(args)->view()));
}

Value m_zfill(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2)
    return raise(
        I, types().TypeError,
        "str.zfill() takes exactly one argument (" + std::to_string(nargs - 1) + " given)");
  std::int64_t width;
  if (!to_int64(I, args[1], width, "width")) return Value::exc();
  Str* s = self_str(args);
  std::int64_t len = static_cast<std::int64_t>(s->length);
  if (width <= len) {
    incref(args[0]);
    return args[0];
  }
  std::size_t fill = static_cast<std::size_t>(width - len);
  if (!I.heap.would_fit(fill + s->nbytes)) return raise_no_args(I, types().MemoryError);
  std::string t(s->view());
  std::string out;
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
    out += t[0];
    out += std::string(fill, '0');
    out += t.substr(1);
  } else {
    out = std::string(fill, '0') + t;
  }
  return make(I, out);
}

Value pad_impl(Isolate& I, Value* args, std::size_t nargs, int mode, const char* name) {
  if (nargs < 2 || nargs > 3)
    return raise(
        I, types().TypeError,
        std::string(name) + " expected 1 or 2 arguments, got " + std::to_string(nargs - 1));
  std::int64_t width;
  if (!to_int64(I, args[1], width, "width")) return Value::exc();
  std::string fill = " ";
  if (nargs == 3) {
    if (!is_str(args[2]) || as_str(args[2])->length != 1)
      return raise(I, types().TypeError, "The fill character must be exactly one character long");
    fill = std::string(as_str(args[2])->view());
  }
  Str* s = self_str(args);
  std::int64_t len = static_cast<std::int64_t>(s->length);
  if (width <= len) {
    incref(args[0]);
    return args[0];
  }
  if (!I.heap.would_fit(static_cast<std::size_t>(width) * fill.size()))
    return raise_no_args(I, types().MemoryError);
  std::int64_t total = width - len, left = 0;
  if (mode == 0)
    left = 0;
  else if (mode == 1)
    left = total;
  else
    left = total / 2 + (total & width & 1);
  std::string out;
  for (std::int64_t i = 0; i < left; ++i) out += fill;
  out += s->view();
  for (std::int64_t i = 0; i < total - left; ++i) out += fill;
  return make(I, out);
}

Value m_ljust(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return pad_impl(I, a, n, 0, "ljust");
}
Value m_rjust(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return pad_impl(I, a, n, 1, "rjust");
}
Value m_center(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return pad_impl(I, a, n, 2, "center");
}

Value partition_impl(Isolate& I, Value* args, std::size_t nargs, bool right) {
  if (nargs != 2) return raise(I, types().TypeError, "partition() takes exactly one argument");
  if (!want_str(I, args[1], "must be str, not ")) return Value::exc();
  std::string_view t = self_str(args)->view(), sep = as_str(args[1])->view();
  if (sep.empty()) return raise(I, types().ValueError, "empty separator");
  std::size_t pos = right ? rfind_substring(t, sep) : find_substring(t, sep);
  Tuple* r = alloc_tuple(I, 3);
  if (pos == std::string_view::npos) {
    r->items()[right ? 2 : 0] = make(I, t);
    r->items()[1] = make(I, "");
    r->items()[right ? 0 : 2] = make(I, "");
  } else {
    r->items()[0] = make(I, t.substr(0, pos));
    r->items()[1] = make(I, sep);
    r->items()[2] = make(I, t.substr(pos + sep.size()));
  }
  return Value::object(r);
}

Value m_partition(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return partition_impl(I, a, n, false);
}
Value m_rpartition(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return partition_impl(I, a, n, true);
}

Value m_splitlines(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  Value a[1];
  if (!parse_args(I, "splitlines", args + 1, nargs - 1, kw, {"keepends"}, 0, a))
    return Value::exc();
  bool keep = !a[0].is_undef() && truthy(I, a[0]) > 0;
  std::string_view t = self_str(args)->view();
  List* out = alloc_list(I);
  std::size_t i = 0;
  while (i < t.size()) {
    std::size_t j = i, eol = t.size(), next = t.size();
    while (j < t.size()) {
      std::size_t pos = j;
      char32_t cp = text::decode_utf8(t, pos);
      if (text::is_linebreak(cp)) {
        eol = j;
        next = pos;
        if (cp == '\r' && next < t.size() && t[next] == '\n') ++next;
        break;
      }
      j = pos;
    }
    list_append(I, out, make(I, t.substr(i, (keep ? next : eol) - i)));
    i = next;
  }
  return Value::object(out);
}

Value m_removeprefix(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2 || !is_str(args[1]))
    return raise(I, types().TypeError, "removeprefix() argument must be str");
  std::string_view t = self_str(args)->view(), p = as_str(args[1])->view();
  if (!p.empty() && t.substr(0, p.size()) == p) return make(I, t.substr(p.size()));
  incref(args[0]);
  return args[0];
}

Value m_removesuffix(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2 || !is_str(args[1]))
    return raise(I, types().TypeError, "removesuffix() argument must be str");
  std::string_view t = self_str(args)->view(), p = as_str(args[1])->view();
  if (!p.empty() && t.size() >= p.size() && t.substr(t.size() - p.size()) == p)
    return make(I, t.substr(0, t.size() - p.size()));
  incref(args[0]);
  return args[0];
}

Value m_format(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  return str_format_method(I, self_str(args), args + 1, nargs - 1, kw);
}

Value m_format_map(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2)
    return raise(
        I, types().TypeError,
        "format_map() takes exactly one argument (" + std::to_string(nargs - 1) + " given)");
  return str_format_map(I, self_str(args), args[1]);
}

// str.maketrans(x[, y[, z]]): a type attribute, so args are x, y, z.
Value m_maketrans(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs < 1 || nargs > 3)
    return raise(I, types().TypeError,
                 (nargs ? "maketrans expected at most 3 arguments, got "
                        : "maketrans expected at least 1 argument, got ") +
                     std::to_string(nargs));
  Dict* d = alloc_dict(I);
  Value result = Value::object(d);
  auto fail = [&] {
    decref(result);
    return Value::exc();
  };
  if (nargs == 1) {
    if (!is_dict(args[0])) {
      raise(I, types().TypeError, "if you give only one argument to maketrans it must be a dict");
      return fail();
    }
    for (const auto& e : as_dict(args[0])->table.entries) {
      if (e.key.is_undef()) continue;
      Value key = e.key;
      if (is_str(key)) {
        std::string_view k = as_str(key)->view();
        std::size_t pos = 0;
        char32_t cp = k.empty() ? 0 : text::decode_utf8(k, pos);
        if (k.empty() || pos != k.size()) {
          raise(I, types().ValueError, "string keys in translate table must be of length 1");
          return fail();
        }
        key = Value::integer(cp);
      } else if (key.tag != Tag::Int && key.tag != Tag::Bool && !is_kind(key, Kind::BigInt)) {
        raise(I, types().TypeError, "keys in translate table must be strings or integers");
        return fail();
      }
      if (!dict_set(I, d, key, e.value)) return fail();
    }
    return result;
  }
  for (std::size_t k = 0; k < nargs; ++k)
    if (!is_str(args[k])) {
      raise(I, types().TypeError,
            (k == 0 ? std::string("maketrans() argument 1 must be str, not ")
                    : "maketrans() argument " + std::to_string(k + 1) + " must be str, not ") +
                type_name(args[k]));
      return fail();
    }
  std::string_view x = as_str(args[0])->view(), y = as_str(args[1])->view();
  if (text::count_code_points(x) != text::count_code_points(y)) {
    raise(I, types().ValueError, "the first two maketrans arguments must have equal length");
    return fail();
  }
  for (std::size_t i = 0, j = 0; i < x.size();) {
    char32_t from = text::decode_utf8(x, i), to = text::decode_utf8(y, j);
    if (!dict_set(I, d, Value::integer(from), Value::integer(to))) return fail();
  }
  if (nargs == 3) {
    std::string_view z = as_str(args[2])->view();
    for (std::size_t i = 0; i < z.size();)
      if (!dict_set(I, d, Value::integer(text::decode_utf8(z, i)), Value::none())) return fail();
  }
  return result;
}

// str.translate(table): table[ord(c)] for each character; a LookupError keeps it.
Value m_translate(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2)
    return raise(
        I, types().TypeError,
        "str.translate() takes exactly one argument (" + std::to_string(nargs - 1) + " given)");
  std::string_view t = self_str(args)->view();
  std::string out;
  for (std::size_t pos = 0; pos < t.size();) {
    std::size_t start = pos;
    char32_t cp = text::decode_utf8(t, pos);
    Value mapped = get_item(I, args[1], Value::integer(cp));
    if (mapped.is_exc()) {
      if (I.uncatchable || !isinstance(I.pending, types().LookupError)) return mapped;
      decref(I.pending);
      I.pending = Value();
      out.append(t.substr(start, pos - start));
      continue;
    }
    bool ok = true;
    if (mapped.is_none()) {
    } else if (is_str(mapped)) {
      out += as_str(mapped)->view();
    } else if (mapped.tag == Tag::Int && mapped.i >= 0 && mapped.i <= 0x10FFFF) {
      text::append_utf8(out, static_cast<char32_t>(mapped.i));
    } else if (mapped.tag == Tag::Int || is_kind(mapped, Kind::BigInt)) {
      raise(I, types().ValueError, "character mapping must be in range(0x110000)");
      ok = false;
    } else {
      raise(I, types().TypeError, "character mapping must return integer, None or str");
      ok = false;
    }
    decref(mapped);
    if (!ok) return Value::exc();
  }
  return new_str(I, out);
}

Value m_encode(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  Value a[2];
  if (!parse_args(I, "encode", args + 1, nargs - 1, kw, {"encoding", "errors"}, 0, a))
    return Value::exc();
  return text_encode(I, self_str(args)->view(), a[0], a[1]);
}

Value m_expandtabs(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  Value a[1];
  if (!parse_args(I, "expandtabs", args + 1, nargs - 1, kw, {"tabsize"}, 0, a)) return Value::exc();
  std::int64_t tab = 8;
  if (!a[0].is_undef() && !to_int64(I, a[0], tab, "tabsize")) return Value::exc();
  // Two walks: the size first, refused before the text is built outside the
  // heap; then the text.
  const std::string_view text = self_str(args)->view();
  constexpr std::size_t kTooLarge = std::size_t{1} << 62;
  auto expand = [&](std::string* out) {
    std::size_t size = 0;
    std::int64_t col = 0;
    for (char c : text) {
      if (c == '\t') {
        if (tab > 0) {
          std::int64_t n = tab - col % tab;
          size += static_cast<std::size_t>(n);
          if (out) out->append(static_cast<std::size_t>(n), ' ');
          col += n;
        }
      } else {
        ++size;
        if (out) *out += c;
        col = (c == '\n' || c == '\r') ? 0 : col + ((static_cast<unsigned char>(c) & 0xC0) != 0x80);
      }
      if (size > kTooLarge) break;
    }
    return size;
  };
  const std::size_t size = expand(nullptr);
  if (!I.heap.would_fit(size)) return raise_no_args(I, types().MemoryError);
  std::string out;
  out.reserve(size);
  expand(&out);
  return make(I, out);
}

}  // namespace

Value str_concat(Isolate& I, Str* a, Str* b) {
  Str* s = alloc_str(I, a->nbytes + b->nbytes);
  std::memcpy(s->data(), a->data(), a->nbytes);
  std::memcpy(s->data() + a->nbytes, b->data(), b->nbytes);
  s->length = a->length + b->length;
  s->ascii = a->ascii && b->ascii;
  return Value::object(s);
}

Value str_repeat(Isolate& I, Str* s, std::int64_t n) {
  if (n <= 0 || s->nbytes == 0) return new_str(I, "");
  if (static_cast<std::uint64_t>(n) > (1ull << 40) / s->nbytes ||
      !I.heap.would_fit(s->nbytes * static_cast<std::size_t>(n)))
    return raise_no_args(I, types().MemoryError);
  Str* out = alloc_str(I, s->nbytes * static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i)
    std::memcpy(out->data() + i * s->nbytes, s->data(), s->nbytes);
  out->length = s->length * static_cast<std::size_t>(n);
  out->ascii = s->ascii;
  return Value::object(out);
}

Value str_getitem(Isolate& I, Str* s, Value key) {
  std::int64_t n = static_cast<std::int64_t>(s->length);
  if (key.tag == Tag::Int || key.tag == Tag::Bool) {
    std::int64_t i = key.tag == Tag::Int ? key.i : key.b;
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(I, types().IndexError, "string index out of range");
    std::size_t b = byte_at(s, static_cast<std::size_t>(i));
    std::size_t e = b + 1;
    while (e < s->nbytes && (static_cast<unsigned char>(s->data()[e]) & 0xC0) == 0x80) ++e;
    return new_str(I, std::string_view(s->data() + b, e - b));
  }
  if (is_kind(key, Kind::Slice)) {
    auto* sl = static_cast<Slice*>(key.o);
    // Reuse the list path's bound logic through a tiny local version.
    std::int64_t step = 1;
    if (!sl->step.is_none() && !to_int64(I, sl->step, step, "slice indices")) return Value::exc();
    if (step == 0) return raise(I, types().ValueError, "slice step cannot be zero");
    auto bound = [&](Value v, std::int64_t dflt, std::int64_t& out) {
      if (v.is_none()) {
        out = dflt;
        return true;
      }
      if (v.tag != Tag::Int && v.tag != Tag::Bool) {
        raise(I, types().TypeError,
              "slice indices must be integers or None or have an __index__ method");
        return false;
      }
      out = v.tag == Tag::Int ? v.i : v.b;
      if (out < 0) {
        out += n;
        if (out < 0) out = step < 0 ? -1 : 0;
      } else if (out >= n) {
        out = step < 0 ? n - 1 : n;
      }
      return true;
    };
    std::int64_t start, stop;
    if (!bound(sl->start, step < 0 ? n - 1 : 0, start) || !bound(sl->stop, step < 0 ? -1 : n, stop))
      return Value::exc();
    if (step == 1) {
      if (stop <= start) return new_str(I, "");
      std::size_t b = byte_at(s, static_cast<std::size_t>(start));
      std::size_t e = byte_at(s, static_cast<std::size_t>(stop));
      return new_str(I, std::string_view(s->data() + b, e - b));
    }
    std::string out;
    std::int64_t count = step < 0 ? (stop < start ? (start - stop - 1) / (-step) + 1 : 0)
                                  : (start < stop ? (stop - start - 1) / step + 1 : 0);
    for (std::int64_t k = 0, i = start; k < count; ++k, i += step) {
      std::size_t b = byte_at(s, static_cast<std::size_t>(i));
      std::size_t e = b + 1;
      while (e < s->nbytes && (static_cast<unsigned char>(s->data()[e]) & 0xC0) == 0x80) ++e;
      out.append(s->data() + b, e - b);
    }
    return new_str(I, out);
  }
  return raise(I, types().TypeError,
               "string indices must be integers, not '" + type_name(key) + "'");
}

void register_str_methods() {
  Type* T = types().str;
  add_method(T, "join", m_join);
  add_method(T, "split", m_split);
  add_method(T, "rsplit", m_rsplit);
  add_method(T, "strip", m_strip);
  add_method(T, "lstrip", m_lstrip);
  add_method(T, "rstrip", m_rstrip);
  add_method(T, "startswith", m_startswith);
  add_method(T, "endswith", m_endswith);
  add_method(T, "replace", m_replace);
  add_method(T, "find", m_find);
  add_method(T, "rfind", m_rfind);
  add_method(T, "index", m_index);
  add_method(T, "rindex", m_rindex);
  add_method(T, "count", m_count);
  add_method(T, "lower", m_text<text_lower>);
  add_method(T, "upper", m_text<text_upper>);
  add_method(T, "title", m_text<text_title>);
  add_method(T, "capitalize", m_text<text_capitalize>);
  add_method(T, "swapcase", m_text<text_swapcase>);
  add_method(T, "casefold", m_text<text_casefold>);
  add_method(T, "isdigit", m_pred<text_isdigit>);
  add_method(T, "isdecimal", m_pred<text_isdecimal>);
  add_method(T, "isnumeric", m_pred<text_isnumeric>);
  add_method(T, "isalpha", m_pred<text_isalpha>);
  add_method(T, "isalnum", m_pred<text_isalnum>);
  add_method(T, "isspace", m_pred<text_isspace>);
  add_method(T, "isupper", m_pred<text_isupper>);
  add_method(T, "islower", m_pred<text_islower>);
  add_method(T, "istitle", m_pred<text_istitle>);
  add_method(T, "isascii", m_pred<text_isascii>);
  add_method(T, "isidentifier", m_pred<text_isidentifier>);
  add_method(T, "isprintable", m_pred<text_isprintable>);
  add_method(T, "zfill", m_zfill);
  add_method(T, "ljust", m_ljust);
  add_method(T, "rjust", m_rjust);
  add_method(T, "center", m_center);
  add_method(T, "partition", m_partition);
  add_method(T, "rpartition", m_rpartition);
  add_method(T, "splitlines", m_splitlines);
  add_method(T, "removeprefix", m_removeprefix);
  add_method(T, "removesuffix", m_removesuffix);
  add_method(T, "format", m_format);
  add_method(T, "encode", m_encode);
  add_method(T, "format_map", m_format_map);
  add_method(T, "translate", m_translate);
  add_static_method(T, "maketrans", m_maketrans);
  add_method(T, "expandtabs", m_expandtabs);
}

}  // namespace quire::lang
