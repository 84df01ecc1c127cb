// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// Raising exceptions and printing tracebacks as CPython does.

#include <cerrno>
#include <unordered_set>
#include <vector>

#include "lang/compile/code.h"
#include "lang/object/runtime.h"
#include "lang/object/traceback_marker.h"

namespace quire::lang {

Value new_exception(Isolate& I, Type* type, Value args_tuple) {
  Instance* e = I.heap.make<Instance>();
  incref(Value::object(type));
  e->cls = type;
  e->args = args_tuple;
  return Value::object(e);
}

Value raise_value(Isolate& I, Value exception) {
  if (I.uncatchable && !I.limit_error.is_undef()) {
    // A limit error is unwinding the run: native code that caught it and
    // raises something else (str.join's TypeError...) must not turn it into
    // a catchable exception.
    decref(exception);
    incref(I.limit_error);
    assign(I.pending, I.limit_error);
    return Value::exc();
  }
  decref(I.pending);
  I.pending = exception;
  I.uncatchable = false;
  return Value::exc();
}

Value raise(Isolate& I, Type* type, std::string_view message) {
  Tuple* args = alloc_tuple(I, 1);
  args->items()[0] = new_str(I, message);
  return raise_value(I, new_exception(I, type, Value::object(args)));
}

Value raise_no_args(Isolate& I, Type* type) {
  return raise_value(I, new_exception(I, type, Value::object(alloc_tuple(I, 0))));
}

Value raise_key_error(Isolate& I, Value key) {
  Tuple* args = alloc_tuple(I, 1);
  incref(key);
  args->items()[0] = key;
  return raise_value(I, new_exception(I, types().KeyError, Value::object(args)));
}

Value raise_stop_iteration(Isolate& I, Value value) {
  Tuple* args = alloc_tuple(I, 1);
  incref(value);
  args->items()[0] = value;
  return raise_value(I, new_exception(I, types().StopIteration, Value::object(args)));
}

Type* oserror_class_for(Type* cls, const Value* args, std::size_t nargs) {
  const BuiltinTypes& T = types();
  if (cls != T.OSError || nargs < 2 || nargs > 5 || args[0].tag != Tag::Int) return cls;
  switch (args[0].i) {
    case ENOENT:
      return T.FileNotFoundError;
    case EACCES:
    case EPERM:
      return T.PermissionError;
    case ETIMEDOUT:
      return T.TimeoutError;
    default:
      return cls;
  }
}

bool oserror_split_args(Isolate& I, Instance* e, const Value* args, std::size_t nargs) {
  if (nargs < 3 || nargs > 5 || e->cls->is_user || !is_subtype(e->cls, types().OSError))
    return true;
  Value two = new_tuple_from(I, args, 2);
  if (two.is_exc()) return false;
  decref(e->args);
  e->args = two;
  if (!e->attrs) e->attrs = alloc_dict(I);
  if (!dict_set(I, e->attrs, intern("filename"), args[2])) return false;
  return nargs < 5 || dict_set(I, e->attrs, intern("filename2"), args[4]);
}

bool oserror_text(Isolate& I, Instance* e, std::string& out, bool& ok) {
  const Tuple* args = as_tuple(e->args);
  if (args->size != 2 || !is_subtype(e->cls, types().OSError)) return false;
  out += "[Errno ";
  ok = str_into(I, args->items()[0], out);
  out += "] ";
  ok = ok && str_into(I, args->items()[1], out);
  Value filename = e->attrs ? dict_get_str(e->attrs, "filename") : Value();
  if (ok && !filename.is_undef() && !filename.is_none()) {
    out += ": ";
    ok = repr_into(I, filename, out);
    Value filename2 = dict_get_str(e->attrs, "filename2");
    if (ok && !filename2.is_undef() && !filename2.is_none()) {
      out += " -> ";
      ok = repr_into(I, filename2, out);
    }
  }
  return true;
}

std::string type_name(Value v) {
  return type_of(v)->name;
}

std::string exception_line(Isolate& I, Value exception) {
  Type* t = type_of(exception);
  std::string line = t->name;
  if (!is_kind(exception, Kind::Instance)) return line;
  auto* e = static_cast<Instance*>(exception.o);
  std::string text;
  if (e->cls->is_exception && is_tuple(e->args)) {
    Tuple* args = as_tuple(e->args);
    bool ok = true;
    if (args->size == 1) {
      // KeyError shows the repr of its key; others show str(arg).
      if (is_subtype(t, types().KeyError))
        ok = repr_into(I, args->items()[0], text);
      else
        ok = str_into(I, args->items()[0], text);
    } else if (oserror_text(I, e, text, ok)) {
    } else if (args->size > 1) {
      ok = repr_into(I, e->args, text);
    }
    if (e->cls->is_user) {
      // A user __str__ wins.
      text.clear();
      ok = str_into(I, exception, text);
    }
    if (!ok) {
      decref(I.pending);
      I.pending = Value();
      text = "<exception str() failed>";
    }
  }
  if (!text.empty()) line += ": " + text;
  return line;
}

// The text of line `line` (1-based) of `source`, without its newline.
static std::string_view source_line(const std::string& source, int line) {
  std::size_t pos = 0;
  for (int l = 1; l < line; ++l) {
    pos = source.find('\n', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  std::size_t end = source.find('\n', pos);
  std::string_view text(source.data() + pos,
                        (end == std::string::npos ? source.size() : end) - pos);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

// One entry as CPython 3.11's tb_displayline: the File line, the source line
// without its indentation (trailing blanks kept), and the marker line.
static void format_entry(const TraceEntry& entry, std::string& out) {
  out += "  File \"" + entry.filename + "\", line " + std::to_string(entry.line) + ", in " +
         entry.function + "\n";
  if (!entry.source) return;
  std::string_view line = source_line(*entry.source, entry.line);
  std::size_t indent = line.find_first_not_of(" \t\f");
  if (indent == std::string_view::npos) return;
  out += "    ";
  out += line.substr(indent);
  out += "\n";
  if (entry.code) out += traceback_marker_line(line, entry.code->position(entry.instruction));
}

// The entries outermost first; a run of more than three entries with the same
// file, line and function (recursion) prints three and a count, as CPython.
static void format_entries(Instance* e, std::string& out) {
  constexpr int kRecursiveCutoff = 3;
  out += "Traceback (most recent call last):\n";
  const TraceEntry* last = nullptr;
  long count = 0;
  auto repeated = [&] {
    if (count <= kRecursiveCutoff) return;
    long more = count - kRecursiveCutoff;
    out += "  [Previous line repeated " + std::to_string(more) +
           (more > 1 ? " more times]\n" : " more time]\n");
  };
  for (auto it = e->traceback.rbegin(); it != e->traceback.rend(); ++it) {
    if (!last || it->filename != last->filename || it->line != last->line ||
        it->function != last->function) {
      repeated();
      last = &*it;
      count = 0;
    }
    if (++count <= kRecursiveCutoff) format_entry(*it, out);
  }
  repeated();
}

std::string format_traceback(Isolate& I, Value exception) {
  if (!is_kind(exception, Kind::Instance)) return exception_line(I, exception) + "\n";
  // The chain of causes and contexts, followed iteratively and cut at the
  // first exception seen twice (as CPython's traceback module does): a script
  // can chain thousands (`raise E from prev` in a loop) or make a cycle, and
  // neither may recurse natively without bound.
  std::vector<Instance*> chain;
  std::vector<bool> caused;  // caused[i]: chain[i + 1] is chain[i]'s __cause__
  std::unordered_set<const Object*> seen;
  for (auto* e = static_cast<Instance*>(exception.o); chain.size() < 10000;) {
    chain.push_back(e);
    seen.insert(e);
    Value next;
    if (is_kind(e->cause, Kind::Instance)) {
      next = e->cause;
      caused.push_back(true);
    } else if (!e->suppress_context && is_kind(e->context, Kind::Instance)) {
      next = e->context;
      caused.push_back(false);
    } else {
      break;
    }
    if (seen.count(next.o)) break;
    e = static_cast<Instance*>(next.o);
  }
  std::string out;
  for (std::size_t k = chain.size(); k-- > 0;) {
    if (k + 1 < chain.size()) {
      out += caused[k]
                 ? "\nThe above exception was the direct cause of the following exception:\n\n"
                 : "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
    Instance* e = chain[k];
    if (!e->traceback.empty()) format_entries(e, out);
    out += exception_line(I, Value::object(e));
    if (!e->suggestion.empty()) out += ". Did you mean: '" + e->suggestion + "'?";
    out += "\n";
  }
  return out;
}

}  // namespace quire::lang
