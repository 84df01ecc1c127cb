// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// format(), f-string formatting, str.format and printf-style %.

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "lang/lib/text_bridge.h"
#include "lang/object/runtime.h"
#include "lang/sandbox/policy.h"

namespace quire::lang {

static bool format_into(Isolate& I, Value v, std::string_view spec, std::string& out) {
  if (v.tag == Tag::Bool && spec.empty()) {
    out += v.b ? "True" : "False";
    return true;
  }
  if (v.tag == Tag::Int || v.tag == Tag::Bool || is_kind(v, Kind::BigInt))
    return format_int_spec(I, v, spec, out);
  if (v.tag == Tag::Float) return format_float_spec(I, v.f, spec, out);
  if (is_str(v)) return format_str_spec(I, as_str(v)->view(), spec, out);
  if (v.tag == Tag::Obj && v.o->kind == Kind::Instance &&
      static_cast<Instance*>(v.o)->cls->is_user) {
    Value fn = type_lookup(static_cast<Instance*>(v.o)->cls, "__format__");
    if (!fn.is_undef()) {
      Value args[2] = {v, new_str(I, spec)};
      Value r = call(I, fn, args, 2, nullptr);
      decref(args[1]);
      if (r.is_exc()) return false;
      if (!is_str(r)) {
        decref(r);
        raise(I, types().TypeError, "__format__ must return a str");
        return false;
      }
      out += as_str(r)->view();
      decref(r);
      return true;
    }
  }
  if (!spec.empty()) {
    raise(I, types().TypeError,
          "unsupported format string passed to " + type_name(v) + ".__format__");
    return false;
  }
  return str_into(I, v, out);
}

Value format_value(Isolate& I, Value v, Str* spec) {
  std::string out;
  if (!format_into(I, v, spec ? spec->view() : std::string_view(), out)) return Value::exc();
  return new_str(I, out);
}

// ---------------------------------------------------------------- str.format

namespace {

// The mapping of str.format_map while it runs (Undef otherwise): named fields
// are looked up in it with [] (so a dict subclass's __missing__ applies).
thread_local Value t_format_mapping;

// Resolves a field name like "0", "name", "0.attr", "name[key]".
Value resolve_field(Isolate& I, std::string_view field, std::size_t& auto_index, bool& used_auto,
                    bool& used_manual, Value* args, std::size_t nargs, const Tuple* kwnames) {
  std::size_t end = field.find_first_of(".[");
  std::string_view head = field.substr(0, end);
  Value obj;
  bool owned = false;  // obj is already a new reference
  if (!t_format_mapping.is_undef() &&
      (head.empty() || std::isdigit(static_cast<unsigned char>(head[0]))))
    return raise(I, types().ValueError, "Format string contains positional fields");
  if (!t_format_mapping.is_undef()) {
    Value key = new_str(I, head);
    obj = get_item(I, t_format_mapping, key);
    decref(key);
    if (obj.is_exc()) return obj;
    owned = true;
  } else if (head.empty()) {
    if (used_manual) {
      return raise(I, types().ValueError,
                   "cannot switch from manual field specification to automatic field numbering");
    }
    used_auto = true;
    std::size_t i = auto_index++;
    if (i >= nargs)
      return raise(
          I, types().IndexError,
          "Replacement index " + std::to_string(i) + " out of range for positional args tuple");
    obj = args[i];
  } else if (std::isdigit(static_cast<unsigned char>(head[0]))) {
    if (used_auto) {
      return raise(I, types().ValueError,
                   "cannot switch from automatic field numbering to manual field specification");
    }
    used_manual = true;
    std::size_t i = std::stoul(std::string(head));
    if (i >= nargs)
      return raise(
          I, types().IndexError,
          "Replacement index " + std::to_string(i) + " out of range for positional args tuple");
    obj = args[i];
  } else {
    bool found = false;
    for (std::size_t k = 0; kwnames && k < kwnames->size; ++k) {
      if (as_str(kwnames->items()[k])->view() == head) {
        obj = args[nargs + k];
        found = true;
      }
    }
    if (!found) {
      Value key = new_str(I, head);
      raise_key_error(I, key);
      decref(key);
      return Value::exc();
    }
  }
  if (!owned) incref(obj);
  std::size_t i = end;
  while (i != std::string_view::npos && i < field.size()) {
    if (field[i] == '.') {
      std::size_t j = field.find_first_of(".[", i + 1);
      std::string_view attr =
          field.substr(i + 1, j == std::string_view::npos ? std::string_view::npos : j - i - 1);
      Value name = new_str(I, attr);
      if (!sandbox::check_dynamic_attribute(I, as_str(name))) {
        decref(name);
        decref(obj);
        return Value::exc();
      }
      Value next = get_attr(I, obj, as_str(name));
      decref(name);
      decref(obj);
      if (next.is_exc()) return next;
      obj = next;
      i = j;
    } else {
      std::size_t j = field.find(']', i);
      if (j == std::string_view::npos) {
        decref(obj);
        return raise(I, types().ValueError, "Missing ']' in format string");
      }
      std::string_view key = field.substr(i + 1, j - i - 1);
      Value k;
      bool digits = !key.empty();
      for (char c : key) digits &= std::isdigit(static_cast<unsigned char>(c)) != 0;
      k = digits ? Value::integer(std::stoll(std::string(key))) : new_str(I, key);
      Value next = get_item(I, obj, k);
      decref(k);
      decref(obj);
      if (next.is_exc()) return next;
      obj = next;
      i = j + 1;
    }
  }
  return obj;
}

bool format_template(Isolate& I, std::string_view fmt, Value* args, std::size_t nargs,
                     const Tuple* kwnames, std::string& out, std::size_t& auto_index,
                     bool& used_auto, bool& used_manual, int depth) {
  if (depth > 2) {
    raise(I, types().ValueError, "Max string recursion exceeded");
    return false;
  }
  std::size_t i = 0;
  while (i < fmt.size()) {
    char c = fmt[i];
    if (c == '}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
        out += '}';
        i += 2;
        continue;
      }
      raise(I, types().ValueError, "Single '}' encountered in format string");
      return false;
    }
    if (c != '{') {
      out += c;
      ++i;
      continue;
    }
    if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
      out += '{';
      i += 2;
      continue;
    }
    // Find the matching close brace, allowing nested {} in the spec.
    std::size_t j = i + 1;
    int level = 1;
    while (j < fmt.size() && level > 0) {
      if (fmt[j] == '{')
        ++level;
      else if (fmt[j] == '}')
        --level;
      if (level > 0) ++j;
    }
    if (j >= fmt.size()) {
      raise(I, types().ValueError,
            i + 1 >= fmt.size() ? "Single '{' encountered in format string"
                                : "expected '}' before end of string");
      return false;
    }
    std::string_view inner = fmt.substr(i + 1, j - i - 1);
    i = j + 1;
    // field[!conv][:spec]
    std::size_t colon = std::string_view::npos, bang = std::string_view::npos;
    int br = 0;
    for (std::size_t k = 0; k < inner.size(); ++k) {
      if (inner[k] == '[')
        ++br;
      else if (inner[k] == ']')
        --br;
      else if (br == 0 && inner[k] == '!' && bang == std::string_view::npos &&
               colon == std::string_view::npos)
        bang = k;
      else if (br == 0 && inner[k] == ':') {
        colon = k;
        break;
      }
    }
    std::string_view field = inner.substr(0, std::min(bang, colon));
    char conv = 0;
    if (bang != std::string_view::npos) {
      std::string_view cv = inner.substr(
          bang + 1, colon == std::string_view::npos ? std::string_view::npos : colon - bang - 1);
      if (cv.size() != 1) {
        raise(I, types().ValueError, "expected ':' after conversion specifier");
        return false;
      }
      conv = cv[0];
      if (conv != 'r' && conv != 's' && conv != 'a') {
        raise(I, types().ValueError, std::string("Unknown conversion specifier ") + conv);
        return false;
      }
    }
    Value v = resolve_field(I, field, auto_index, used_auto, used_manual, args, nargs, kwnames);
    if (v.is_exc()) return false;
    std::string spec;
    if (colon != std::string_view::npos) {
      if (!format_template(I, inner.substr(colon + 1), args, nargs, kwnames, spec, auto_index,
                           used_auto, used_manual, depth + 1)) {
        decref(v);
        return false;
      }
    }
    if (conv) {
      Value c2 = conv == 'r' ? repr(I, v) : conv == 'a' ? ascii_repr(I, v) : to_str(I, v);
      decref(v);
      if (c2.is_exc()) return false;
      v = c2;
    }
    bool ok = format_into(I, v, spec, out);
    decref(v);
    if (!ok) return false;
  }
  return true;
}

}  // namespace

Value str_format_method(Isolate& I, Str* fmt, Value* args, std::size_t nargs,
                        const Tuple* kwnames) {
  std::string out;
  std::size_t auto_index = 0;
  bool used_auto = false, used_manual = false;
  if (!format_template(I, fmt->view(), args, nargs, kwnames, out, auto_index, used_auto,
                       used_manual, 0))
    return Value::exc();
  return new_str(I, out);
}

Value str_format_map(Isolate& I, Str* fmt, Value mapping) {
  Value saved = t_format_mapping;
  t_format_mapping = mapping;
  std::string out;
  std::size_t auto_index = 0;
  bool used_auto = false, used_manual = false;
  bool ok = format_template(I, fmt->view(), nullptr, 0, nullptr, out, auto_index, used_auto,
                            used_manual, 0);
  t_format_mapping = saved;
  if (!ok) return Value::exc();
  return new_str(I, out);
}

// ---------------------------------------------------------------- printf-style %

Value percent_format(Isolate& I, Str* fmt_str, Value args) {
  std::string_view fmt = fmt_str->view();
  std::vector<Value> items;
  bool is_map = is_dict(args) ||
                (args.tag == Tag::Obj && args.o->kind == Kind::Instance &&
                 !type_lookup(static_cast<Instance*>(args.o)->cls, "__getitem__").is_undef());
  if (is_tuple(args)) {
    Tuple* t = as_tuple(args);
    items.assign(t->items(), t->items() + t->size);
  } else {
    items.push_back(args);
  }
  std::size_t next = 0;
  bool used_map = false;
  std::string out;
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (c != '%') {
      out += c;
      continue;
    }
    std::size_t start_index = i;
    ++i;
    if (i >= fmt.size()) return raise(I, types().ValueError, "incomplete format");
    Value arg;
    bool have_arg = false;
    if (fmt[i] == '(') {
      if (!is_map) return raise(I, types().TypeError, "format requires a mapping");
      std::size_t close = fmt.find(')', i);
      if (close == std::string_view::npos)
        return raise(I, types().ValueError, "incomplete format key");
      Value key = new_str(I, fmt.substr(i + 1, close - i - 1));
      arg = get_item(I, args, key);
      decref(key);
      if (arg.is_exc()) return arg;
      decref(arg);  // borrowed from the mapping for the rest of this conversion
      have_arg = true;
      used_map = true;
      i = close + 1;
    }
    std::string flags;
    while (i < fmt.size() && std::strchr("-+ #0", fmt[i])) flags += fmt[i++];
    std::string width, prec;
    auto next_arg = [&](Value& out_arg) -> bool {
      if (next >= items.size()) {
        raise(I, types().TypeError, "not enough arguments for format string");
        return false;
      }
      out_arg = items[next++];
      return true;
    };
    if (i < fmt.size() && fmt[i] == '*') {
      Value w;
      if (!next_arg(w)) return Value::exc();
      if (!w.is_int()) return raise(I, types().TypeError, "* wants int");
      width = std::to_string(w.i);
      ++i;
    } else {
      while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) width += fmt[i++];
    }
    bool has_prec = false;
    if (i < fmt.size() && fmt[i] == '.') {
      has_prec = true;
      ++i;
      if (i < fmt.size() && fmt[i] == '*') {
        Value p;
        if (!next_arg(p)) return Value::exc();
        if (!p.is_int()) return raise(I, types().TypeError, "* wants int");
        prec = std::to_string(p.i);
        ++i;
      } else {
        while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) prec += fmt[i++];
      }
      if (prec.empty()) prec = "0";
    }
    // Bounded before anything is built from them: a width or precision past
    // what a number holds is CPython's ValueError (here, not a C++ exception
    // out of std::stol), and one past the heap cap is a MemoryError.
    if (width.size() > 18) return raise(I, types().ValueError, "width too big");
    if (prec.size() > 18) return raise(I, types().ValueError, "precision too big");
    if (!width.empty() &&
        !I.heap.would_fit(static_cast<std::size_t>(std::llabs(std::stoll(width)))))
      return raise_no_args(I, types().MemoryError);
    if (!prec.empty() && !I.heap.would_fit(static_cast<std::size_t>(std::llabs(std::stoll(prec)))))
      return raise_no_args(I, types().MemoryError);
    while (i < fmt.size() && (fmt[i] == 'l' || fmt[i] == 'h' || fmt[i] == 'L')) ++i;
    if (i >= fmt.size()) return raise(I, types().ValueError, "incomplete format");
    char type = fmt[i];
    if (type == '%') {
      out += '%';
      continue;
    }
    if (!have_arg) {
      if (!next_arg(arg)) return Value::exc();
    }
    bool left = flags.find('-') != std::string::npos;
    bool zero = flags.find('0') != std::string::npos && !left;
    std::string body, sign;
    switch (type) {
      case 's':
      case 'r':
      case 'a': {
        Value s = type == 's' ? to_str(I, arg) : type == 'r' ? repr(I, arg) : ascii_repr(I, arg);
        if (s.is_exc()) return s;
        body = std::string(as_str(s)->view());
        decref(s);
        if (has_prec) {
          std::size_t n = std::stoul(prec), k = 0, b = 0;
          while (b < body.size() && k < n) {
            ++b;
            while (b < body.size() && (static_cast<unsigned char>(body[b]) & 0xC0) == 0x80) ++b;
            ++k;
          }
          body.resize(b);
        }
        zero = false;
        break;
      }
      case 'd':
      case 'i':
      case 'u':
      case 'x':
      case 'X':
      case 'o': {
        Value iv = arg;
        if (iv.tag == Tag::Float) {
          if (type == 'x' || type == 'X' || type == 'o')
            return raise(I, types().TypeError,
                         std::string("%") + type + " format: an integer is required, not float");
          double t = std::trunc(iv.f);
          if (!std::isfinite(t))
            return raise(I, types().OverflowError, "cannot convert float infinity to integer");
          iv = Value::integer(static_cast<std::int64_t>(t));
        }
        if (!(iv.tag == Tag::Int || iv.tag == Tag::Bool || is_kind(iv, Kind::BigInt))) {
          if (type == 'x' || type == 'X' || type == 'o')
            return raise(
                I, types().TypeError,
                std::string("%") + type + " format: an integer is required, not " + type_name(arg));
          return raise(I, types().TypeError,
                       std::string("%") + type + " format: a real number is required, not " +
                           type_name(arg));
        }
        std::string spec;
        if (type == 'x' || type == 'X' || type == 'o') spec += type;
        std::string digits;
        if (!format_int_spec(I, iv, spec, digits)) return Value::exc();
        if (!digits.empty() && digits[0] == '-') {
          sign = "-";
          digits.erase(0, 1);
        } else if (flags.find('+') != std::string::npos) {
          sign = "+";
        } else if (flags.find(' ') != std::string::npos) {
          sign = " ";
        }
        if (flags.find('#') != std::string::npos) {
          if (type == 'x') sign += "0x";
          if (type == 'X') sign += "0X";
          if (type == 'o') sign += "0o";
        }
        if (has_prec && digits.size() < std::stoul(prec))
          digits = std::string(std::stoul(prec) - digits.size(), '0') + digits;
        body = digits;
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        double d;
        if (!is_number(arg))
          return raise(I, types().TypeError, "must be real number, not " + type_name(arg));
        if (!to_double(I, arg, d)) return Value::exc();
        std::string spec = "." + (has_prec ? prec : std::string("6")) + type;
        if (flags.find('#') != std::string::npos) spec = "#" + spec;
        std::string digits;
        if (!format_float_spec(I, d, spec, digits)) return Value::exc();
        if (!digits.empty() && digits[0] == '-') {
          sign = "-";
          digits.erase(0, 1);
        } else if (flags.find('+') != std::string::npos) {
          sign = "+";
        } else if (flags.find(' ') != std::string::npos) {
          sign = " ";
        }
        body = digits;
        break;
      }
      case 'c': {
        if (arg.tag == Tag::Int) {
          std::string spec = "c";
          if (!format_int_spec(I, arg, spec, body)) return Value::exc();
        } else if (is_str(arg) && as_str(arg)->length == 1) {
          body = std::string(as_str(arg)->view());
        } else {
          return raise(I, types().TypeError, "%c requires int or char");
        }
        zero = false;
        break;
      }
      default: {
        char msg[96];
        std::size_t cp = 0;
        for (std::size_t k = 0; k < i; ++k)
          if ((static_cast<unsigned char>(fmt[k]) & 0xC0) != 0x80) ++cp;
        std::snprintf(msg, sizeof msg, "unsupported format character '%c' (0x%x) at index %zu",
                      type, static_cast<unsigned char>(type), cp);
        (void)start_index;
        return raise(I, types().ValueError, msg);
      }
    }
    long w = width.empty() ? 0 : std::stol(width);
    if (w < 0) {
      left = true;
      w = -w;
    }
    std::size_t len = 0;
    for (unsigned char ch : sign + body)
      if ((ch & 0xC0) != 0x80) ++len;
    if (static_cast<long>(len) < w) {
      std::size_t n = static_cast<std::size_t>(w) - len;
      if (left)
        out += sign + body + std::string(n, ' ');
      else if (zero)
        out += sign + std::string(n, '0') + body;
      else
        out += std::string(n, ' ') + sign + body;
    } else {
      out += sign + body;
    }
  }
  if (!used_map && next < items.size() && !(is_map && !is_tuple(args)))
    return raise(I, types().TypeError, "not all arguments converted during string formatting");
  return new_str(I, out);
}

}  // namespace quire::lang
