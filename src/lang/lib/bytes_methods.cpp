// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// The methods of bytes that CPython 3.11 has (decode/hex/lower/upper live in
// containers.cpp).
//
// Searching, splitting on a given separator, padding, replacing and prefix
// handling behave on bytes exactly as on a str of the same code points, so
// those run the str method on a latin-1 view (byte b -> code point b) and
// turn the result back into bytes: one algorithm, not two. Only arguments
// differ (bytes-like, int for find/count/index, CPython's bytes TypeErrors),
// and they are converted here. What differs in meaning is native here: ASCII
// whitespace (split()/strip()), ASCII-only case and is*() predicates, \n/\r
// line ends, join, translate/maketrans and fromhex.

#include <algorithm>
#include <string>
#include <vector>

#include "lang/lib/latin1.h"
#include "lang/lib/register.h"

namespace quire::lang {

namespace {

// ------------------------------------------------------------ latin-1 view

bool is_bytes(Value v) {
  return is_kind(v, Kind::Bytes);
}
std::string_view bytes_view(Value v) {
  return static_cast<Bytes*>(v.o)->view();
}

Value latin1_str(Isolate& I, Value bytes) {
  return new_str(I, latin1_to_utf8(bytes_view(bytes)));
}

// The str method's result as bytes: str -> bytes, lists and tuples item by item.
Value back_to_bytes(Isolate& I, Value v) {
  if (v.is_exc()) return v;
  if (is_str(v)) {
    Value b = new_bytes(I, utf8_to_latin1(as_str(v)->view()));
    decref(v);
    return b;
  }
  if (is_list(v) || is_tuple(v)) {
    std::size_t n = is_list(v) ? as_list(v)->items.size() : as_tuple(v)->size;
    Value* items = is_list(v) ? as_list(v)->items.data() : as_tuple(v)->items();
    for (std::size_t i = 0; i < n; ++i) {
      if (!is_str(items[i])) continue;
      Value b = new_bytes(I, utf8_to_latin1(as_str(items[i])->view()));
      if (b.is_exc()) {
        decref(v);
        return b;
      }
      decref(items[i]);
      items[i] = b;
    }
  }
  return v;
}

// How an argument of a reused str method is converted.
enum class Arg {
  Pass,          // ints, None: as given
  Index,         // an int: "'T' object cannot be interpreted as an integer"
  BytesLike,     // bytes: "a bytes-like object is required, not 'T'"
  ByteOrInt,     // find/count/index: bytes or an int in range(256)
  PrefixOrTuple  // startswith/endswith: bytes or a tuple of bytes
};

struct Param {
  const char* name;
  Arg kind;
};

bool convert_arg(Isolate& I, const char* method, const Param& p, Value in, Value& out) {
  switch (p.kind) {
    case Arg::Pass:
      incref(in);
      out = in;
      return true;
    case Arg::Index:
      if (in.tag != Tag::Int && in.tag != Tag::Bool && !is_kind(in, Kind::BigInt)) {
        raise(I, types().TypeError,
              "'" + type_name(in) + "' object cannot be interpreted as an integer");
        return false;
      }
      out = in;
      return true;
    case Arg::BytesLike:
      if (!is_bytes(in)) {
        raise(I, types().TypeError, "a bytes-like object is required, not '" + type_name(in) + "'");
        return false;
      }
      out = latin1_str(I, in);
      return !out.is_exc();
    case Arg::ByteOrInt:
      if (is_bytes(in)) {
        out = latin1_str(I, in);
        return !out.is_exc();
      }
      if (in.tag == Tag::Int || in.tag == Tag::Bool || is_kind(in, Kind::BigInt)) {
        std::int64_t b = -1;
        if (in.tag == Tag::Int || in.tag == Tag::Bool) b = in.i;
        if (b < 0 || b > 255) {
          raise(I, types().ValueError, "byte must be in range(0, 256)");
          return false;
        }
        out = new_str(I, latin1_to_utf8(std::string(1, static_cast<char>(b))));
        return !out.is_exc();
      }
      raise(I, types().TypeError,
            "argument should be integer or bytes-like object, not '" + type_name(in) + "'");
      return false;
    case Arg::PrefixOrTuple:
      if (is_bytes(in)) {
        out = latin1_str(I, in);
        return !out.is_exc();
      }
      if (is_tuple(in)) {
        Tuple* t = as_tuple(in);
        Tuple* copy = alloc_tuple(I, t->size);
        out = Value::object(copy);
        for (std::size_t i = 0; i < t->size; ++i) {
          Value item = t->items()[i];
          if (!is_bytes(item)) {
            raise(I, types().TypeError,
                  "a bytes-like object is required, not '" + type_name(item) + "'");
            return false;
          }
          Value s = latin1_str(I, item);
          if (s.is_exc()) return false;
          copy->items()[i] = s;
        }
        return true;
      }
      raise(I, types().TypeError,
            std::string(method) + " first arg must be bytes or a tuple of bytes, not " +
                type_name(in));
      return false;
  }
  return false;
}

// Runs str.`method` on the latin-1 view of self and the converted arguments.
// A keyword naming the next positional parameter is passed positionally.
Value reuse_str_method(Isolate& I, const char* method, std::initializer_list<Param> params,
                       Value* args, std::size_t nargs, const Tuple* kw) {
  if (kw && kw->size == 1) {
    std::string_view name = as_str(kw->items()[0])->view();
    if (nargs <= params.size() && name == params.begin()[nargs - 1].name)
      return reuse_str_method(I, method, params, args, nargs + 1, nullptr);
  }
  std::size_t nkw = kw ? kw->size : 0;
  std::vector<Value> converted(nargs + nkw, Value::none());
  auto release = [&] {
    for (Value& v : converted) decref(v);
  };
  converted[0] = latin1_str(I, args[0]);
  if (converted[0].is_exc()) {
    converted[0] = Value::none();
    return Value::exc();
  }
  const Param* list = params.begin();
  for (std::size_t i = 1; i < nargs + nkw; ++i) {
    const Param* p = nullptr;
    if (i < nargs) {
      if (i - 1 < params.size()) p = &list[i - 1];
    } else {
      std::string_view name = as_str(kw->items()[i - nargs])->view();
      for (const Param& q : params)
        if (name == q.name) p = &q;
    }
    Value out;
    Param pass{"", Arg::Pass};
    if (!convert_arg(I, method, p ? *p : pass, args[i], out)) {
      if (!out.is_undef() && !out.is_exc()) decref(out);
      release();
      return Value::exc();
    }
    converted[i] = out;
  }
  Value fn = type_lookup(types().str, method);
  Value result = call(I, fn, converted.data(), nargs, kw);
  release();
  return back_to_bytes(I, result);
}

#define QUIRE_REUSE(fn, method, ...)                                             \
  Value fn(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) { \
    return reuse_str_method(I, method, {__VA_ARGS__}, args, nargs, kw);          \
  }

QUIRE_REUSE(b_count, "count", {"sub", Arg::ByteOrInt})
QUIRE_REUSE(b_find, "find", {"sub", Arg::ByteOrInt})
QUIRE_REUSE(b_rfind, "rfind", {"sub", Arg::ByteOrInt})
QUIRE_REUSE(b_startswith, "startswith", {"prefix", Arg::PrefixOrTuple})
QUIRE_REUSE(b_endswith, "endswith", {"suffix", Arg::PrefixOrTuple})
QUIRE_REUSE(b_replace, "replace", {"old", Arg::BytesLike}, {"new", Arg::BytesLike})
QUIRE_REUSE(b_partition, "partition", {"sep", Arg::BytesLike})
QUIRE_REUSE(b_rpartition, "rpartition", {"sep", Arg::BytesLike})
QUIRE_REUSE(b_zfill, "zfill", {"width", Arg::Index})
QUIRE_REUSE(b_expandtabs, "expandtabs", {"tabsize", Arg::Pass})
QUIRE_REUSE(b_removeprefix, "removeprefix", {"prefix", Arg::BytesLike})
QUIRE_REUSE(b_removesuffix, "removesuffix", {"suffix", Arg::BytesLike})

// index/rindex: find/rfind, with bytes' own "subsection not found".
Value index_of(Isolate& I, const char* finder, Value* args, std::size_t nargs, const Tuple* kw) {
  Value at = reuse_str_method(I, finder, {{"sub", Arg::ByteOrInt}}, args, nargs, kw);
  if (at.tag == Tag::Int && at.i < 0) return raise(I, types().ValueError, "subsection not found");
  return at;
}
Value b_index(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  return index_of(I, "find", args, nargs, kw);
}
Value b_rindex(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  return index_of(I, "rfind", args, nargs, kw);
}

// center/ljust/rjust: the fill must be a single byte.
Value pad(Isolate& I, const char* method, Value* args, std::size_t nargs, const Tuple* kw) {
  if (nargs == 3 && !(is_bytes(args[2]) && bytes_view(args[2]).size() == 1))
    return raise(I, types().TypeError,
                 std::string(method) + "() argument 2 must be a byte string of length 1, not " +
                     type_name(args[2]));
  return reuse_str_method(I, method, {{"width", Arg::Index}, {"fillchar", Arg::BytesLike}}, args,
                          nargs, kw);
}
Value b_center(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  return pad(I, "center", args, nargs, kw);
}
Value b_ljust(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  return pad(I, "ljust", args, nargs, kw);
}
Value b_rjust(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  return pad(I, "rjust", args, nargs, kw);
}

// ------------------------------------------------------------ ASCII classes

bool is_ascii_space(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
bool is_lower(unsigned char c) {
  return c >= 'a' && c <= 'z';
}
bool is_upper(unsigned char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_alpha(unsigned char c) {
  return is_lower(c) || is_upper(c);
}
bool is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}
char to_lower(unsigned char c) {
  return static_cast<char>(is_upper(c) ? c + 32 : c);
}
char to_upper(unsigned char c) {
  return static_cast<char>(is_lower(c) ? c - 32 : c);
}

bool no_arguments(Isolate& I, const char* method, std::size_t nargs, const Tuple* kw) {
  if (kw && kw->size) {
    raise(I, types().TypeError, std::string("bytes.") + method + "() takes no keyword arguments");
    return false;
  }
  if (nargs != 1) {
    raise(I, types().TypeError,
          std::string("bytes.") + method + "() takes no arguments (" + std::to_string(nargs - 1) +
              " given)");
    return false;
  }
  return true;
}

template <class Pred>
Value all_of(Isolate& I, const char* method, Value* args, std::size_t nargs, const Tuple* kw,
             Pred pred) {
  if (!no_arguments(I, method, nargs, kw)) return Value::exc();
  std::string_view s = bytes_view(args[0]);
  if (s.empty()) return Value::boolean(std::string_view(method) == "isascii");
  for (unsigned char c : s)
    if (!pred(c)) return Value::boolean(false);
  return Value::boolean(true);
}

Value b_isalnum(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  return all_of(I, "isalnum", a, n, kw, [](unsigned char c) { return is_alpha(c) || is_digit(c); });
}
Value b_isalpha(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  return all_of(I, "isalpha", a, n, kw, is_alpha);
}
Value b_isascii(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  return all_of(I, "isascii", a, n, kw, [](unsigned char c) { return c < 0x80; });
}
Value b_isdigit(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  return all_of(I, "isdigit", a, n, kw, is_digit);
}
Value b_isspace(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  return all_of(I, "isspace", a, n, kw, is_ascii_space);
}

// islower/isupper: some cased byte, none of the other case.
Value cased(Isolate& I, const char* method, Value* args, std::size_t nargs, const Tuple* kw,
            bool lower) {
  if (!no_arguments(I, method, nargs, kw)) return Value::exc();
  bool seen = false;
  for (unsigned char c : bytes_view(args[0])) {
    if (lower ? is_upper(c) : is_lower(c)) return Value::boolean(false);
    seen |= lower ? is_lower(c) : is_upper(c);
  }
  return Value::boolean(seen);
}
Value b_islower(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  return cased(I, "islower", a, n, kw, true);
}
Value b_isupper(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  return cased(I, "isupper", a, n, kw, false);
}

Value b_istitle(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (!no_arguments(I, "istitle", nargs, kw)) return Value::exc();
  bool cased_seen = false, previous_cased = false;
  for (unsigned char c : bytes_view(args[0])) {
    if (is_upper(c)) {
      if (previous_cased) return Value::boolean(false);
      previous_cased = cased_seen = true;
    } else if (is_lower(c)) {
      if (!previous_cased) return Value::boolean(false);
      previous_cased = cased_seen = true;
    } else {
      previous_cased = false;
    }
  }
  return Value::boolean(cased_seen);
}

template <class Map>
Value mapped(Isolate& I, const char* method, Value* args, std::size_t nargs, const Tuple* kw,
             Map map) {
  if (!no_arguments(I, method, nargs, kw)) return Value::exc();
  std::string out(bytes_view(args[0]));
  map(out);
  return new_bytes(I, out);
}

Value b_swapcase(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  return mapped(I, "swapcase", a, n, kw, [](std::string& s) {
    for (char& c : s) c = is_upper(c) ? to_lower(c) : to_upper(c);
  });
}
Value b_capitalize(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  return mapped(I, "capitalize", a, n, kw, [](std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) s[i] = i == 0 ? to_upper(s[i]) : to_lower(s[i]);
  });
}
Value b_title(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  return mapped(I, "title", a, n, kw, [](std::string& s) {
    bool previous_cased = false;
    for (char& c : s) {
      unsigned char u = static_cast<unsigned char>(c);
      c = previous_cased ? to_lower(u) : to_upper(u);
      previous_cased = is_alpha(u);
    }
  });
}

// ------------------------------------------------------------ whitespace and lines

Value new_bytes_list(Isolate& I, const std::vector<std::string_view>& parts) {
  List* list = alloc_list(I, parts.size());
  for (std::string_view p : parts) {
    Value b = new_bytes(I, p);
    if (b.is_exc()) {
      decref(Value::object(list));
      return b;
    }
    list_append(I, list, b);
  }
  return Value::object(list);
}

// split()/rsplit() on runs of ASCII whitespace; with a separator, str's algorithm.
Value split(Isolate& I, const char* method, bool from_right, Value* args, std::size_t nargs,
            const Tuple* kw) {
  Value a[2];
  if (!parse_args(I, method, args + 1, nargs - 1, kw, {"sep", "maxsplit"}, 0, a))
    return Value::exc();
  if (!a[0].is_undef() && !a[0].is_none())
    return reuse_str_method(I, method, {{"sep", Arg::BytesLike}, {"maxsplit", Arg::Pass}}, args,
                            nargs, kw);
  std::int64_t maxsplit = -1;
  if (!a[1].is_undef() && !to_int64(I, a[1], maxsplit, "maxsplit")) return Value::exc();
  std::string_view s = bytes_view(args[0]);
  std::vector<std::string_view> parts;
  if (!from_right) {
    std::size_t i = 0;
    while (true) {
      while (i < s.size() && is_ascii_space(s[i])) ++i;
      if (i == s.size()) break;
      if (maxsplit >= 0 && static_cast<std::int64_t>(parts.size()) == maxsplit) {
        parts.push_back(s.substr(i));  // the rest, trailing whitespace included
        break;
      }
      std::size_t j = i;
      while (j < s.size() && !is_ascii_space(s[j])) ++j;
      parts.push_back(s.substr(i, j - i));
      i = j;
    }
  } else {
    std::size_t end = s.size();
    while (true) {
      while (end > 0 && is_ascii_space(s[end - 1])) --end;
      if (end == 0) break;
      if (maxsplit >= 0 && static_cast<std::int64_t>(parts.size()) == maxsplit) {
        parts.push_back(s.substr(0, end));  // the rest, leading whitespace included
        break;
      }
      std::size_t j = end;
      while (j > 0 && !is_ascii_space(s[j - 1])) --j;
      parts.push_back(s.substr(j, end - j));
      end = j;
    }
    std::reverse(parts.begin(), parts.end());
  }
  return new_bytes_list(I, parts);
}
Value b_split(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  return split(I, "split", false, args, nargs, kw);
}
Value b_rsplit(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  return split(I, "rsplit", true, args, nargs, kw);
}

// strip/lstrip/rstrip: ASCII whitespace, or the bytes in the argument.
Value strip(Isolate& I, const char* method, bool left, bool right, Value* args, std::size_t nargs,
            const Tuple* kw) {
  if (kw && kw->size)
    return raise(I, types().TypeError, std::string(method) + "() takes no keyword arguments");
  if (nargs > 2)
    return raise(
        I, types().TypeError,
        std::string(method) + " expected at most 1 argument, got " + std::to_string(nargs - 1));
  std::string_view chars;
  bool whitespace = nargs < 2 || args[1].is_none();
  if (!whitespace) {
    if (!is_bytes(args[1]))
      return raise(I, types().TypeError,
                   "a bytes-like object is required, not '" + type_name(args[1]) + "'");
    chars = bytes_view(args[1]);
  }
  auto strippable = [&](unsigned char c) {
    return whitespace ? is_ascii_space(c) : chars.find(static_cast<char>(c)) != chars.npos;
  };
  std::string_view s = bytes_view(args[0]);
  std::size_t i = 0, j = s.size();
  if (left)
    while (i < j && strippable(s[i])) ++i;
  if (right)
    while (j > i && strippable(s[j - 1])) --j;
  return new_bytes(I, s.substr(i, j - i));
}
Value b_strip(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  return strip(I, "strip", true, true, a, n, kw);
}
Value b_lstrip(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  return strip(I, "lstrip", true, false, a, n, kw);
}
Value b_rstrip(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  return strip(I, "rstrip", false, true, a, n, kw);
}

// splitlines: only \n, \r and \r\n end a line in bytes.
Value b_splitlines(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  Value a[1];
  if (!parse_args(I, "splitlines", args + 1, nargs - 1, kw, {"keepends"}, 0, a))
    return Value::exc();
  bool keepends = false;
  if (!a[0].is_undef()) {
    int t = truthy(I, a[0]);
    if (t < 0) return Value::exc();
    keepends = t;
  }
  std::string_view s = bytes_view(args[0]);
  std::vector<std::string_view> parts;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i;
    while (j < s.size() && s[j] != '\n' && s[j] != '\r') ++j;
    std::size_t eol = j;
    if (j < s.size()) j += (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') ? 2 : 1;
    parts.push_back(s.substr(i, (keepends ? j : eol) - i));
    i = j;
  }
  return new_bytes_list(I, parts);
}

// ------------------------------------------------------------ join, translate, hex

Value b_join(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if ((kw && kw->size) || nargs != 2)
    return raise(
        I, types().TypeError,
        "bytes.join() takes exactly one argument (" + std::to_string(nargs - 1) + " given)");
  Value it = get_iter(I, args[1]);
  if (it.is_exc()) {
    if (is_kind(I.pending, Kind::Instance) && type_of(I.pending) == types().TypeError) {
      return raise(I, types().TypeError, "can only join an iterable");
    }
    return it;
  }
  // The parts first and the result's size, refused before the text is built
  // outside the heap; then one allocation.
  std::string_view sep = bytes_view(args[0]);
  std::vector<Value> parts;
  auto release = [&parts] {
    for (Value part : parts) decref(part);
  };
  std::size_t size = 0;
  for (std::size_t index = 0;; ++index) {
    Value item = iter_next(I, it);
    if (item.is_undef()) break;
    if (item.is_exc()) {
      decref(it);
      release();
      return item;
    }
    if (!is_bytes(item)) {
      std::string name = type_name(item);
      decref(item);
      decref(it);
      release();
      return raise(I, types().TypeError,
                   "sequence item " + std::to_string(index) + ": expected a bytes-like object, " +
                       name + " found");
    }
    size += (index ? sep.size() : 0) + bytes_view(item).size();
    parts.push_back(item);
    if (!I.heap.would_fit(size)) {
      decref(it);
      release();
      return raise_no_args(I, types().MemoryError);
    }
  }
  decref(it);
  std::string out;
  out.reserve(size);
  for (std::size_t index = 0; index < parts.size(); ++index) {
    if (index) out += sep;
    out += bytes_view(parts[index]);
  }
  release();
  return new_bytes(I, out);
}

Value b_translate(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  Value a[2];
  if (!parse_args(I, "translate", args + 1, nargs - 1, kw, {"table", "delete"}, 1, a))
    return Value::exc();
  std::string_view table;
  if (!a[0].is_none()) {
    if (!is_bytes(a[0]))
      return raise(I, types().TypeError,
                   "a bytes-like object is required, not '" + type_name(a[0]) + "'");
    table = bytes_view(a[0]);
    if (table.size() != 256)
      return raise(I, types().ValueError, "translation table must be 256 characters long");
  }
  std::string_view remove;
  if (!a[1].is_undef()) {
    if (!is_bytes(a[1]))
      return raise(I, types().TypeError,
                   "a bytes-like object is required, not '" + type_name(a[1]) + "'");
    remove = bytes_view(a[1]);
  }
  std::string out;
  for (unsigned char c : bytes_view(args[0])) {
    if (remove.find(static_cast<char>(c)) != remove.npos) continue;
    out += table.empty() ? static_cast<char>(c) : table[c];
  }
  return new_bytes(I, out);
}

// bytes.maketrans(frm, to): a type attribute, so args are frm, to.
Value b_maketrans(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if ((kw && kw->size) || nargs != 2)
    return raise(I, types().TypeError,
                 "maketrans expected 2 arguments, got " + std::to_string(nargs));
  for (std::size_t k = 0; k < 2; ++k)
    if (!is_bytes(args[k]))
      return raise(I, types().TypeError,
                   "a bytes-like object is required, not '" + type_name(args[k]) + "'");
  std::string_view from = bytes_view(args[0]), to = bytes_view(args[1]);
  if (from.size() != to.size())
    return raise(I, types().ValueError, "maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i) table[i] = static_cast<char>(i);
  for (std::size_t i = 0; i < from.size(); ++i) table[static_cast<unsigned char>(from[i])] = to[i];
  return new_bytes(I, table);
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytes.fromhex(string): pairs of hex digits, ASCII whitespace between pairs.
Value b_fromhex(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if ((kw && kw->size) || nargs != 1)
    return raise(I, types().TypeError,
                 "fromhex() takes exactly one argument (" + std::to_string(nargs) + " given)");
  if (!is_str(args[0]))
    return raise(I, types().TypeError, "fromhex() argument must be str, not " + type_name(args[0]));
  std::string_view s = as_str(args[0])->view();
  std::string out;
  std::size_t position = 0;  // in code points, for the error message
  for (std::size_t i = 0; i < s.size();) {
    if (is_ascii_space(s[i])) {
      ++i;
      ++position;
      continue;
    }
    int high = hex_digit(s[i]);
    int low = i + 1 < s.size() ? hex_digit(s[i + 1]) : -1;
    if (high < 0 || low < 0) {
      std::size_t at = high < 0 ? position : position + 1;
      return raise(
          I, types().ValueError,
          "non-hexadecimal number found in fromhex() arg at position " + std::to_string(at));
    }
    out += static_cast<char>(high * 16 + low);
    i += 2;
    position += 2;
  }
  return new_bytes(I, out);
}

// bytes.hex(sep=None, bytes_per_sep=1): a one-character separator every
// |bytes_per_sep| bytes, counted from the right (positive) or left (negative).
Value b_hex_sep(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  Value a[2];
  if (!parse_args(I, "hex", args + 1, nargs - 1, kw, {"sep", "bytes_per_sep"}, 0, a))
    return Value::exc();
  std::string sep;
  if (!a[0].is_undef() && !a[0].is_none()) {
    if (is_str(a[0])) {
      sep = std::string(as_str(a[0])->view());
    } else if (is_bytes(a[0])) {
      sep = std::string(bytes_view(a[0]));
    } else {
      return raise(I, types().TypeError, "object of type '" + type_name(a[0]) + "' has no len()");
    }
    std::size_t length = 0;
    for (unsigned char c : sep) length += (c & 0xC0) != 0x80 || is_bytes(a[0]);
    if (length != 1) return raise(I, types().ValueError, "sep must be length 1.");
    if (static_cast<unsigned char>(sep[0]) >= 0x80)
      return raise(I, types().ValueError, "sep must be ASCII.");
  }
  std::int64_t group = 1;
  if (!a[1].is_undef()) {
    if (a[1].tag != Tag::Int && a[1].tag != Tag::Bool)
      return raise(I, types().TypeError,
                   "'" + type_name(a[1]) + "' object cannot be interpreted as an integer");
    group = a[1].i;
  }
  static const char kDigits[] = "0123456789abcdef";
  std::string_view data = bytes_view(args[0]);
  std::size_t n = data.size();
  std::size_t every =
      group < 0 ? static_cast<std::size_t>(-group) : static_cast<std::size_t>(group);
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && !sep.empty() && every > 0) {
      // Boundaries fall every `every` bytes from the chosen end.
      bool boundary = group > 0 ? (n - i) % every == 0 : i % every == 0;
      if (boundary) out += sep;
    }
    unsigned char c = static_cast<unsigned char>(data[i]);
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return new_str(I, out);
}

}  // namespace

// Called by register_container_methods, after decode/hex/lower/upper.
void register_bytes_methods() {
  Type* T = types().bytes;
  add_method(T, "count", b_count);
  add_method(T, "find", b_find);
  add_method(T, "rfind", b_rfind);
  add_method(T, "index", b_index);
  add_method(T, "rindex", b_rindex);
  add_method(T, "startswith", b_startswith);
  add_method(T, "endswith", b_endswith);
  add_method(T, "replace", b_replace);
  add_method(T, "partition", b_partition);
  add_method(T, "rpartition", b_rpartition);
  add_method(T, "center", b_center);
  add_method(T, "ljust", b_ljust);
  add_method(T, "rjust", b_rjust);
  add_method(T, "zfill", b_zfill);
  add_method(T, "expandtabs", b_expandtabs);
  add_method(T, "removeprefix", b_removeprefix);
  add_method(T, "removesuffix", b_removesuffix);
  add_method(T, "isalnum", b_isalnum);
  add_method(T, "isalpha", b_isalpha);
  add_method(T, "isascii", b_isascii);
  add_method(T, "isdigit", b_isdigit);
  add_method(T, "isspace", b_isspace);
  add_method(T, "islower", b_islower);
  add_method(T, "isupper", b_isupper);
  add_method(T, "istitle", b_istitle);
  add_method(T, "swapcase", b_swapcase);
  add_method(T, "capitalize", b_capitalize);
  add_method(T, "title", b_title);
  add_method(T, "split", b_split);
  add_method(T, "rsplit", b_rsplit);
  add_method(T, "strip", b_strip);
  add_method(T, "lstrip", b_lstrip);
  add_method(T, "rstrip", b_rstrip);
  add_method(T, "splitlines", b_splitlines);
  add_method(T, "join", b_join);
  add_method(T, "translate", b_translate);
  add_method(T, "hex", b_hex_sep);  // replaces containers.cpp's argument-less hex
  add_static_method(T, "maketrans", b_maketrans);
  add_static_method(T, "fromhex", b_fromhex);
}

}  // namespace quire::lang
