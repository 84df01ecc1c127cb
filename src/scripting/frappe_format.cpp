// frappe.format_value, step by step as formatters.py (see frappe_format.h);
// the formatting itself is frappe.utils' (fmt_money, formatdate,
// format_datetime, format_time, format_duration, markdown, flt, cint).
#include "scripting/frappe_format.h"

#include "lang/lib/datetime.h"
#include "model/db_api.h"
#include "scripting/native_util.h"
#include "scripting/utils_misc.h"

namespace quire::scripting {

using namespace quire::lang;
using model::Json;

namespace {

std::string df_text(const Json& df, const char* key) {
  if (!df.is_object() || !df.contains(key)) return "";
  const Json& v = df[key];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  return "";
}

bool df_flag(const Json& df, const char* key) {
  if (!df.is_object() || !df.contains(key)) return false;
  const Json& v = df[key];
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v.get<double>() != 0;
  if (v.is_string()) return !v.get<std::string>().empty();
  return false;
}

// doc.get(key) for a document, dict or _dict; None when there is no doc.
Value doc_get(Isolate& I, Value doc, std::string_view key) {
  if (!given(doc)) return Value::none();
  Value k = new_str(I, key);
  Value r = call_method(I, doc, "get", &k, 1);
  decref(k);
  return r;
}

std::string doc_text(Isolate& I, Value doc, std::string_view key, bool& error) {
  Value v = doc_get(I, doc, key);
  if (v.is_exc()) {
    error = true;
    return "";
  }
  std::string out;
  if (is_str(v)) out = std::string(as_str(v)->view());
  decref(v);
  return out;
}

// meta.py get_field_currency: the field's options name a field of the doc
// (or of its parent) holding the currency, or "DocType:link_field:field".
bool field_currency(Isolate& I, const Json& df, Value doc, std::string& out) {
  std::string options = df_text(df, "options");
  if (options.empty() || !given(doc)) return true;
  RunState* run = need_run(I);
  if (!run) return false;
  bool error = false;
  if (options.find(':') != std::string::npos) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t colon; (colon = options.find(':', start)) != std::string::npos;
         start = colon + 1)
      parts.push_back(options.substr(start, colon - start));
    parts.push_back(options.substr(start));
    if (parts.size() != 3) return true;
    std::string link = doc_text(I, doc, parts[1], error);
    if (error) return false;
    if (link.empty()) return true;
    Value r = guarded(I, [&]() -> Value {
      Json v = model::get_value(run->session, parts[0], link, Json(parts[2]), false);
      if (v.is_string()) out = v.get<std::string>();
      return Value::none();
    });
    return !r.is_exc();
  }
  out = doc_text(I, doc, options, error);
  if (error) return false;
  if (!out.empty()) return true;
  std::string parenttype = doc_text(I, doc, "parenttype", error);
  std::string parent = error ? "" : doc_text(I, doc, "parent", error);
  if (error) return false;
  if (parenttype.empty() || parent.empty()) return true;
  Value r = guarded(I, [&]() -> Value {
    auto meta = run->session.metas.find_meta(parenttype);
    if (!meta || !meta->field(options)) return Value::none();
    Json v = model::get_value(run->session, parenttype, parent, Json(options), false);
    if (v.is_string()) out = v.get<std::string>();
    return Value::none();
  });
  return !r.is_exc();
}

std::int64_t cint_text(const std::string& text) {
  try {
    return static_cast<std::int64_t>(std::stod(text));
  } catch (...) {
    return 0;
  }
}

// meta.py get_field_precision.
bool field_precision(Isolate& I, const Json& df, std::int64_t& out) {
  std::string precision = df_text(df, "precision");
  if (!precision.empty() && precision != "0") {
    out = cint_text(precision);
    return true;
  }
  if (df_text(df, "fieldtype") == "Currency") {
    out = cint_text(system_setting("currency_precision", ""));
    if (out) return true;
    Value fmt = new_str(I, system_setting("number_format", "#,###.##"));
    Value info = call_util(I, "get_number_format_info", &fmt, 1);
    decref(fmt);
    if (info.is_exc()) return false;
    Value digits = Value();
    if (is_tuple(info) && as_tuple(info)->size == 3) digits = as_tuple(info)->items()[2];
    bool ok = !digits.is_undef() && to_int64(I, digits, out, "precision");
    decref(info);
    return ok;
  }
  out = cint_text(system_setting("float_precision", ""));
  if (!out) out = 3;
  return true;
}

Value money(Isolate& I, Value value, std::int64_t precision, const std::string& currency,
            Value format) {
  Value currency_value = currency.empty() ? Value::none() : new_str(I, currency);
  Value args[4] = {value, Value::integer(precision), currency_value,
                   given(format) ? format : Value::none()};
  Value r = call_util(I, "fmt_money", args, 4);
  decref(currency_value);
  return r;
}

// The fieldtype Frappe guesses when no docfield is given.
const char* guessed_fieldtype(Value value) {
  const Type* t = type_of(value);
  if (is_subtype(t, datetime::datetime_type())) return "Datetime";
  if (is_subtype(t, datetime::date_type())) return "Date";
  if (is_subtype(t, datetime::timedelta_type())) return "Time";
  if (value.is_bool() || is_subtype(t, types().int_)) return "Int";
  if (value.is_float() || is_subtype(t, types().float_)) return "Float";
  return "Data";
}

bool is_zero(Isolate& I, Value v) {
  int eq = equals(I, v, Value::integer(0));
  if (eq < 0) I.pending = Value();  // == never fails in formatters.py's sense
  return eq > 0;
}

Value text_call(Isolate& I, const char* util, Value value) {
  return call_util(I, util, &value, 1);
}

}  // namespace

Value format_value(Isolate& I, Value value, const Json& df_in, Value doc, Value currency,
                   Value format) {
  Json df = df_in;
  if (!df.is_object() || df.empty()) df = Json{{"fieldtype", guessed_fieldtype(value)}};
  Value empty = Value();
  if (value.is_none() || value.is_undef()) {
    empty = new_str(I, "");
    value = empty;
  }
  struct Release {
    Value v;
    ~Release() {
      if (!v.is_undef()) decref(v);
    }
  } release{empty};
  const std::string fieldtype = df_text(df, "fieldtype");
  if (fieldtype == "Date") return text_call(I, "formatdate", value);
  if (fieldtype == "Datetime") return text_call(I, "format_datetime", value);
  if (fieldtype == "Time") return text_call(I, "format_time", value);
  bool numeric = fieldtype == "Int" || fieldtype == "Float" || fieldtype == "Currency" ||
                 fieldtype == "Percent";
  if (numeric && df_flag(df, "print_hide_if_no_value") && is_zero(I, value)) return new_str(I, "");
  if (fieldtype == "Currency" || fieldtype == "Float") {
    std::int64_t precision = 0;
    if (!field_precision(I, df, precision)) return Value::exc();
    std::string cur;
    if (given(currency)) {
      if (!str_into(I, currency, cur)) return Value::exc();
    } else if (!field_currency(I, df, doc, cur)) {
      return Value::exc();
    }
    if (fieldtype == "Currency") {
      if (cur.empty()) cur = system_setting("currency", "");
      return money(I, value, precision, cur, format);
    }
    // "show 1.000000 as 1": a value without decimals takes no precision.
    if (df_text(df, "options").empty()) {
      std::string text;
      if (!str_into(I, value, text)) return Value::exc();
      std::size_t dot = text.find('.');
      if (dot == std::string::npos) {
        precision = 0;
      } else {
        std::string after(text.begin() + static_cast<std::ptrdiff_t>(dot) + 1, text.end());
        Value decimals = new_str(I, after.substr(0, after.find('.')));
        Value n = text_call(I, "cint", decimals);
        decref(decimals);
        if (n.is_exc()) return n;
        if (is_zero(I, n)) precision = 0;
        decref(n);
      }
    }
    return money(I, value, precision, cur, Value::none());
  }
  if (fieldtype == "Percent") {
    Value args[2] = {value, Value::integer(2)};
    Value f = call_util(I, "flt", args, 2);
    if (f.is_exc()) return f;
    std::string text;
    bool ok = str_into(I, f, text);
    decref(f);
    return ok ? new_str(I, text + "%") : Value::exc();
  }
  if (fieldtype == "Text" || fieldtype == "Small Text") {
    if (!is_str(value))
      return raise(I, types().TypeError,
                   "expected string or bytes-like object, got '" + type_name(value) + "'");
    std::string text(as_str(value)->view());
    if (text.find("<br") == std::string::npos && text.find("<div") == std::string::npos &&
        text.find("<p") == std::string::npos) {
      std::string out;
      for (char c : text) {
        if (c == '\n')
          out += "<br>";
        else
          out += c;
      }
      return new_str(I, out);
    }
  } else if (fieldtype == "Markdown Editor") {
    return text_call(I, "markdown", value);
  } else if (fieldtype == "Duration") {
    Value args[2] = {value, Value::boolean(df_flag(df, "hide_days"))};
    return call_util(I, "format_duration", args, 2);
  } else if (fieldtype == "Text Editor") {
    std::string text;
    if (!str_into(I, value, text)) return Value::exc();
    return new_str(I, "<div class='ql-snow'>" + text + "</div>");
  }
  // Link and Dynamic Link (link titles are not kept), Select (untranslated),
  // Table MultiSelect and the rest: the value as it is.
  incref(value);
  return value;
}

Value format_value_native(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[6];
  if (!parse_args(I, "format_value", args, nargs, kwnames,
                  {"value", "df", "doc", "currency", "translated", "format"}, 1, a))
    return Value::exc();
  Json df;
  if (is_str(a[1])) {
    df = Json{{"fieldtype", std::string(as_str(a[1])->view())}};
  } else if (given(a[1])) {
    int t = truthy(I, a[1]);
    if (t < 0) return Value::exc();
    if (t && !to_json(I, a[1], df)) return Value::exc();
    if (t && !df.is_object()) {
      std::string message = "'";
      message += type_name(a[1]);
      message += "' object has no attribute 'get'";
      return raise(I, types().AttributeError, message);
    }
  }
  return format_value(I, a[0], df, given(a[2]) ? a[2] : Value::none(), a[3], a[5]);
}

}  // namespace quire::scripting
