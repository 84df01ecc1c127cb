// json.dumps: CPython 3.11's JSONEncoder (json/encoder.py and _json.c give the
// same text) — key coercion, separators, indent, sort_keys, default, the
// circular-reference check and its error messages.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>
#include <utility>
#include <vector>

#include "lang/lib/attrdict.h"
#include "lang/lib/json.h"
#include "lang/text/utf8.h"

namespace quire::lang::json {

namespace {

void append_u_escape(std::string& out, unsigned unit) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\u%04x", unit);
  out += buf;
}

// encode_basestring_ascii / encode_basestring.
void quote_into(std::string_view utf8, bool ensure_ascii, std::string& out) {
  out += '"';
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    char32_t cp = text::decode_utf8(utf8, pos);
    switch (cp) {
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\r':
        out += "\\r";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\b':
        out += "\\b";
        continue;
      case '\f':
        out += "\\f";
        continue;
      default:
        break;
    }
    if (cp < 0x20) {
      append_u_escape(out, static_cast<unsigned>(cp));
    } else if (!ensure_ascii || cp < 0x7f) {
      text::append_utf8(out, cp);
    } else if (cp <= 0xffff) {
      append_u_escape(out, static_cast<unsigned>(cp));
    } else {
      unsigned v = static_cast<unsigned>(cp) - 0x10000;
      append_u_escape(out, 0xd800 | ((v >> 10) & 0x3ff));
      append_u_escape(out, 0xdc00 | (v & 0x3ff));
    }
  }
  out += '"';
}

// The class name CPython's messages show (`__name__`: "datetime", not "datetime.datetime").
std::string short_type_name(Value v) {
  std::string name = type_name(v);
  std::size_t dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(dot + 1);
}

constexpr int kMaxNativeDepth = 5000;

class Encoder {
 public:
  Encoder(Isolate& I, const DumpOptions& o, std::string& out) : I_(I), o_(o), out_(out) {
    // Nesting is native recursion: bounded by the recursion limit, and by a
    // fixed cap so a large trusted limit cannot exhaust the C++ stack.
    limit_ = std::min(I.max_depth - static_cast<int>(I.frames.size()), kMaxNativeDepth);
  }

  bool encode(Value v, int level) {
    if (is_str(v)) {
      if (!room_for(as_str(v)->nbytes + 2)) return false;
      quote_into(as_str(v)->view(), o_.ensure_ascii, out_);
      return true;
    }
    switch (v.tag) {
      case Tag::None:
        out_ += "null";
        return true;
      case Tag::Bool:
        out_ += v.b ? "true" : "false";
        return true;
      case Tag::Int:
        out_ += std::to_string(v.i);
        return true;
      case Tag::Float:
        return float_text(v.f, out_);
      default:
        break;
    }
    if (is_kind(v, Kind::BigInt)) return repr_into(I_, v, out_);
    if (is_list(v)) {
      List* l = as_list(v);
      return encode_sequence(v, l->items.data(), l->items.size(), level);
    }
    if (is_tuple(v)) return encode_sequence(v, as_tuple(v)->items(), as_tuple(v)->size, level);
    if (is_dict(v)) return encode_dict(v, as_dict(v), level);
    if (Dict* d = attrdict_storage(v)) return encode_dict(v, d, level);
    return encode_other(v, level);
  }

 private:
  bool float_text(double d, std::string& out) {
    const char* special = nullptr;
    if (std::isnan(d))
      special = "NaN";
    else if (std::isinf(d))
      special = d > 0 ? "Infinity" : "-Infinity";
    if (!special) {
      out += float_repr(d);
      return true;
    }
    if (!o_.allow_nan) {
      // With indent CPython runs the pure-Python encoder, which adds repr(o).
      raise(I_, types().ValueError,
            std::string("Out of range float values are not JSON compliant") +
                (o_.has_indent ? ": " + float_repr(d) : ""));
      return false;
    }
    out += special;
    return true;
  }

  // CPython 3.11 names arrays "object" in this message too.
  bool enter(Value container) {
    if (++depth_ > limit_) {
      raise(I_, types().RecursionError,
            "maximum recursion depth exceeded while encoding a JSON object");
      return false;
    }
    if (o_.check_circular && container.is_obj()) {
      if (!markers_.insert(container.o).second) {
        raise(I_, types().ValueError, "Circular reference detected");
        return false;
      }
    }
    return true;
  }
  void leave(Value container) {
    --depth_;
    if (o_.check_circular && container.is_obj()) markers_.erase(container.o);
  }

  // The text is built outside the heap: check it would fit before growing
  // it (indent=10**4 on nested data would otherwise grow without bound).
  bool room_for(std::size_t more) {
    if (I_.heap.would_fit(out_.size() + more)) return true;
    raise_no_args(I_, types().MemoryError);
    return false;
  }

  bool newline(int level) {
    if (!room_for(1 + o_.indent.size() * static_cast<std::size_t>(level))) return false;
    out_ += '\n';
    for (int i = 0; i < level; ++i) out_ += o_.indent;
    return true;
  }

  bool encode_sequence(Value container, const Value* items, std::size_t n, int level) {
    if (n == 0) {
      out_ += "[]";
      return true;
    }
    if (!enter(container)) return false;
    out_ += '[';
    if (o_.has_indent && !newline(level + 1)) return false;
    // Index each time: default= may mutate the list being encoded.
    for (std::size_t i = 0; i < n; ++i) {
      if (i) {
        if (!room_for(o_.item_separator.size())) return false;
        out_ += o_.item_separator;
        if (o_.has_indent && !newline(level + 1)) return false;
      }
      Value item = items[i];
      incref(item);
      bool ok = encode(item, level + 1);
      decref(item);
      if (!ok) return false;
      if (is_list(container)) {  // the list may have shrunk under us
        n = std::min(n, as_list(container)->items.size());
        items = as_list(container)->items.data();
      }
    }
    if (o_.has_indent && !newline(level)) return false;
    out_ += ']';
    leave(container);
    return true;
  }

  // The text of a key, or false with an exception; `skip` for skipkeys.
  bool key_text(Value key, std::string& text, bool& skip) {
    skip = false;
    if (is_str(key)) {
      text = as_str(key)->view();
      return true;
    }
    switch (key.tag) {
      case Tag::Float:
        return float_text(key.f, text);
      case Tag::Bool:
        text = key.b ? "true" : "false";
        return true;
      case Tag::None:
        text = "null";
        return true;
      case Tag::Int:
        text = std::to_string(key.i);
        return true;
      default:
        break;
    }
    if (is_kind(key, Kind::BigInt)) return repr_into(I_, key, text);
    if (o_.skipkeys) {
      skip = true;
      return true;
    }
    raise(I_, types().TypeError,
          "keys must be str, int, float, bool or None, not " + short_type_name(key));
    return false;
  }

  bool encode_dict(Value container, Dict* d, int level) {
    if (d->table.used == 0) {
      out_ += "{}";
      return true;
    }
    if (!enter(container)) return false;
    // A snapshot of the items, owned: default= may mutate the dict.
    std::vector<std::pair<Value, Value>> items;
    items.reserve(d->table.used);
    for (auto& e : d->table.entries) {
      if (e.key.is_undef()) continue;
      incref(e.key);
      incref(e.value);
      items.emplace_back(e.key, e.value);
    }
    bool ok = true;
    if (o_.sort_keys) ok = sort_items(items);
    out_ += '{';
    if (ok && o_.has_indent) ok = newline(level + 1);
    bool first = true;
    for (auto& [key, value] : items) {
      if (!ok) break;
      std::string text;
      bool skip;
      if (!key_text(key, text, skip)) {
        ok = false;
        break;
      }
      if (skip) continue;
      if (!first) {
        if (!room_for(o_.item_separator.size() + text.size())) {
          ok = false;
          break;
        }
        out_ += o_.item_separator;
        if (o_.has_indent && !newline(level + 1)) {
          ok = false;
          break;
        }
      }
      first = false;
      quote_into(text, o_.ensure_ascii, out_);
      out_ += o_.key_separator;
      ok = encode(value, level + 1);
    }
    for (auto& [key, value] : items) {
      decref(key);
      decref(value);
    }
    if (!ok) return false;
    if (o_.has_indent && !newline(level)) return false;
    out_ += '}';
    leave(container);
    return true;
  }

  // sorted(d.items()): keys are distinct, so only keys are compared.
  bool sort_items(std::vector<std::pair<Value, Value>>& items) {
    bool failed = false;
    std::stable_sort(items.begin(), items.end(), [&](const auto& a, const auto& b) {
      if (failed) return false;
      int lt = less_than(I_, a.first, b.first);
      if (lt < 0) failed = true;
      return lt > 0;
    });
    return !failed;
  }

  bool encode_other(Value v, int level) {
    if (o_.default_fn.is_undef()) {
      raise(I_, types().TypeError,
            "Object of type " + short_type_name(v) + " is not JSON serializable");
      return false;
    }
    if (!enter(v)) return false;
    Value replaced = call1(I_, o_.default_fn, v);
    if (replaced.is_exc()) return false;
    bool ok = encode(replaced, level);
    decref(replaced);
    if (!ok) return false;
    leave(v);
    return true;
  }

  Isolate& I_;
  const DumpOptions& o_;
  std::string& out_;
  std::unordered_set<const Object*> markers_;
  int depth_ = 0;
  int limit_ = 1000;
};

}  // namespace

std::string quote(std::string_view utf8, bool ensure_ascii) {
  std::string out;
  quote_into(utf8, ensure_ascii, out);
  return out;
}

bool dump_into(Isolate& I, Value obj, const DumpOptions& options, std::string& out) {
  init_runtime();  // host code may call this before anything else
  Encoder encoder(I, options, out);
  return encoder.encode(obj, 0);
}

}  // namespace quire::lang::json
