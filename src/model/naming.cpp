#include "model/naming.h"

#include <chrono>
#include <cstdio>
#include <random>
#include <regex>

#include "model/coercion.h"
#include "model/errors.h"

namespace quire::model {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string strip(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t pos = s.find(sep, start);
    out.push_back(s.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
    if (pos == std::string::npos) break;
    start = pos + 1;
  }
  return out;
}

// The session's "now" split into date parts (names use the session clock so
// tests can fix the date).
struct DateParts {
  int year, month, day;
};

DateParts today_parts(Session& session) {
  DateParts d{};
  std::sscanf(session.now().c_str(), "%d-%d-%d", &d.year, &d.month, &d.day);
  return d;
}

std::string pad(long long v, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*lld", width, v);
  return buf;
}

// ISO week number with Frappe's corrections at the year's edges.
std::string iso_week(const DateParts& d) {
  using namespace std::chrono;
  year_month_day ymd{year{d.year}, month{static_cast<unsigned>(d.month)},
                     day{static_cast<unsigned>(d.day)}};
  sys_days sd{ymd};
  weekday wd{sd};
  int iso_wd = wd.iso_encoding();  // Mon=1..Sun=7
  sys_days thursday = sd + days{4 - iso_wd};
  year_month_day ty{thursday};
  sys_days jan1{year_month_day{ty.year(), month{1}, day{1}}};
  int week = static_cast<int>((thursday - jan1).count() / 7) + 1;
  if (d.month == 1 && week >= 52) return "00";
  if (d.month == 12 && week <= 1) return "53";
  return pad(week, 2);
}

// parse_naming_series: each part becomes date text, a counter, a field value
// or itself. The counter's key is everything generated before it.
std::string parse_series_parts(Session& session, const std::vector<std::string>& parts,
                               const Document* doc) {
  std::string name;
  bool series_set = false;
  DateParts d = today_parts(session);
  for (const auto& e : parts) {
    if (e.empty()) continue;
    std::string part;
    if (e[0] == '#') {
      if (!series_set) {
        int digits = static_cast<int>(e.size());
        part = pad(next_series_value(session, name), digits);
        series_set = true;
      }
    } else if (e == "YY") {
      part = pad(d.year % 100, 2);
    } else if (e == "MM") {
      part = pad(d.month, 2);
    } else if (e == "DD") {
      part = pad(d.day, 2);
    } else if (e == "YYYY") {
      part = pad(d.year, 4);
    } else if (e == "WW") {
      part = iso_week(d);
    } else if (e == "JJJ") {
      using namespace std::chrono;
      sys_days sd{year_month_day{year{d.year}, month{static_cast<unsigned>(d.month)},
                                 day{static_cast<unsigned>(d.day)}}};
      sys_days jan1{year_month_day{year{d.year}, month{1}, day{1}}};
      part = pad((sd - jan1).count() + 1, 3);
    } else if (e == "timestamp") {
      part = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count());
    } else if (e == "FY") {
      part = "";  // no fiscal-year default in quire yet
    } else if (e.front() == '{' && e.back() == '}' && doc) {
      part = strip(cstr(doc->get(e.substr(1, e.size() - 2))));
    } else if (doc && !doc->get(e).is_null() && !cstr(doc->get(e)).empty()) {
      part = strip(cstr(doc->get(e)));
    } else {
      part = e;
    }
    name += part;
  }
  return name;
}

std::string amended_name(Session& session, const Document& doc) {
  std::string from = cstr(doc.get("amended_from"));
  std::int64_t id = 1;
  std::string prefix = from;
  auto rows = session.db.query(
      "SELECT `amended_from` FROM `" + doc.meta().table() + "` WHERE `name` = ?", {from});
  if (!rows.empty() && !std::holds_alternative<std::monostate>(rows[0][0]) &&
      !cstr(from_db(rows[0][0])).empty()) {
    auto dash = from.rfind('-');
    if (dash != std::string::npos) {
      id = cint(Json(from.substr(dash + 1))) + 1;
      prefix = from.substr(0, dash);
    }
  }
  return prefix + "-" + std::to_string(id);
}

std::string format_autoname(Session& session, const std::string& autoname, const Document& doc) {
  std::string value = autoname.substr(autoname.find(':') + 1);
  static const std::regex braced(R"(\{[\w | #]+\})");
  std::string out;
  auto begin = std::sregex_iterator(value.begin(), value.end(), braced);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    out += value.substr(last, static_cast<size_t>(it->position()) - last);
    std::string token = it->str().substr(1, it->str().size() - 2);
    if (!token.empty() && token[0] == '#') {
      // Decision (docs/model.md): the counter is keyed by the text generated
      // before it, as naming series are, so two formats never share a counter.
      out += pad(next_series_value(session, out), static_cast<int>(token.size()));
    } else {
      out += parse_series_parts(session, {token}, &doc);
    }
    last = static_cast<size_t>(it->position() + it->length());
  }
  return out + value.substr(last);
}

std::string naming_series_name(Session& session, Document& doc) {
  std::string series = cstr(doc.get("naming_series"));
  if (series.empty()) {
    if (const DocField* f = doc.meta().field("naming_series")) {
      for (const auto& line : split(f->options, '\n')) {
        if (!strip(line).empty()) {
          series = strip(line);
          break;
        }
      }
      if (series.empty() && f->default_value) series = cstr(*f->default_value);
    }
    if (!series.empty()) doc.set("naming_series", series);
  }
  if (series.empty()) raise(ErrorKind::ValidationError, "Naming Series mandatory");
  return make_autoname(session, series + ".#####", &doc);
}

void name_from_options(Session& session, Document& doc, const std::string& autoname) {
  std::string l = lower(autoname);
  if (l.rfind("field:", 0) == 0) {
    std::string field = autoname.substr(6);
    std::string v = strip(cstr(doc.get(field)));
    if (v.empty()) {
      const DocField* f = doc.meta().field(field);
      raise(ErrorKind::ValidationError, (f ? f->display_label() : field) + " is required");
    }
    doc.set("name", v);
  } else if (l.rfind("naming_series:", 0) == 0) {
    doc.set("name", naming_series_name(session, doc));
  } else if (l.rfind("prompt", 0) == 0) {
    if (cstr(doc.get("name")).empty())
      raise(ErrorKind::ValidationError, "Please set the document name");
  } else if (l.rfind("format:", 0) == 0) {
    doc.set("name", format_autoname(session, autoname, doc));
  } else if (l == "uuid") {
    std::string h = random_hash(32);
    doc.set("name", h.substr(0, 8) + "-" + h.substr(8, 4) + "-4" + h.substr(13, 3) + "-" +
                        std::string(1, "89ab"[h[16] % 4]) + h.substr(17, 3) + "-" +
                        h.substr(20, 12));
  } else if (autoname.find('#') != std::string::npos) {
    doc.set("name", make_autoname(session, autoname, &doc));
  }
}

}  // namespace

std::string random_hash(size_t length) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(length);
  for (size_t i = 0; i < length; ++i) out += hex[rng() & 15];
  return out;
}

std::int64_t next_series_value(Session& session, const std::string& prefix) {
  // The write transaction holds SQLite's lock, so read-increment is atomic.
  auto rows = session.db.query(
      "INSERT INTO `tabSeries` (`name`, `current`) VALUES (?, 1)"
      " ON CONFLICT (`name`) DO UPDATE SET `current` = `current` + 1 RETURNING `current`",
      {prefix});
  return std::get<std::int64_t>(rows.at(0).at(0));
}

std::string make_autoname(Session& session, const std::string& key_in, const Document* doc) {
  if (key_in == "hash") return random_hash();
  std::string key = key_in;
  if (key.find('#') == std::string::npos) {
    key += ".#####";
  } else if (key.find('.') == std::string::npos) {
    raise(ErrorKind::InvalidNamingSeriesError,
          "Invalid naming series " + key + ": dot (.) missing");
  }
  static const std::regex allowed(R"(^[\w\- /.#{}]+$)");
  if (!std::regex_match(key, allowed)) {
    raise(
        ErrorKind::InvalidNamingSeriesError,
        "Special Characters except '-', '#', '.', '/', '{' and '}' not allowed in naming series " +
            key);
  }
  return parse_series_parts(session, split(key, '.'), doc);
}

void revert_series_if_last(Session& session, const std::string& series, const std::string& name,
                           const Document* doc) {
  std::string key = series;
  auto hashes = key.find('#');
  if (hashes == std::string::npos) return;
  // The prefix is what the parts before the counter generate.
  std::string before = key.substr(0, hashes);
  std::vector<std::string> parts = split(before, '.');
  std::string prefix;
  DateParts d = today_parts(session);
  (void)d;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    prefix += parse_series_parts(session, {p}, doc);
  }
  if (name.rfind(prefix, 0) != 0) return;
  size_t width = key.find_first_not_of('#', hashes);
  width = (width == std::string::npos ? key.size() : width) - hashes;
  std::string digits = name.substr(prefix.size(), width);
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) return;
  session.db.query(
      "UPDATE `tabSeries` SET `current` = `current` - 1 WHERE `name` = ? AND `current` = ?",
      {prefix, static_cast<std::int64_t>(std::stoll(digits))});
}

Json validate_name(const Meta& meta, const Json& name_in) {
  if (name_in.is_number_integer()) {
    if (!meta.is_autoincrement()) {
      raise(ErrorKind::NameError, "Invalid name type (integer) for varchar name column");
    }
    return name_in;
  }
  std::string name = cstr(name_in);
  if (name.empty()) raise(ErrorKind::NameError, "No Name Specified for " + meta.name);
  if (name.rfind("New " + meta.name, 0) == 0) {
    raise(ErrorKind::NameError,
          "There were some errors setting the name, please contact the administrator");
  }
  if (meta.name_case == "Title Case") {
    bool start = true;
    for (auto& c : name) {
      c = static_cast<char>(start ? std::toupper(static_cast<unsigned char>(c))
                                  : std::tolower(static_cast<unsigned char>(c)));
      start = !std::isalpha(static_cast<unsigned char>(c));
    }
  } else if (meta.name_case == "UPPER CASE") {
    for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  name = strip(name);
  if (!meta.issingle && name == meta.name && name != "DocType") {
    raise(ErrorKind::NameError, "Name of " + meta.name + " cannot be " + name);
  }
  if (name.find('<') != std::string::npos || name.find('>') != std::string::npos) {
    raise(ErrorKind::NameError, "Name cannot contain special characters like '<', '>'");
  }
  if (name.size() > 140) {
    raise(ErrorKind::NameError, "Name " + name.substr(0, 20) + "... is longer than 140 characters");
  }
  return name;
}

void set_new_name(Session& session, Document& doc, const std::optional<Json>& set_name) {
  const Meta& meta = doc.meta();
  if (session.flag("api_name_set") || doc.flag("name_set")) {
    // The caller chose the name (REST v2 create with a name).
  } else if (set_name && !set_name->is_null()) {
    doc.set("name", *set_name);
  } else {
    session.events.run(doc, "before_naming", session);
    std::string autoname = meta.autoname;
    if (lower(autoname) == "prompt" && !cstr(doc.get("__newname")).empty())
      doc.set("name", doc.get("__newname"));
    if (lower(autoname) != "prompt" && !session.flag("in_import")) doc.set("name", nullptr);
    if (meta.is_autoincrement()) {
      auto rows = session.db.query(
          "SELECT MAX(COALESCE((SELECT `seq` FROM sqlite_sequence WHERE `name` = ?), 0),"
          " COALESCE((SELECT MAX(`name`) FROM `" +
              meta.table() + "`), 0)) + 1",
          {meta.table()});
      doc.set("name", from_db(rows[0][0]));
    } else if (!cstr(doc.get("amended_from")).empty()) {
      doc.set("name", amended_name(session, doc));
    } else if (meta.issingle) {
      doc.set("name", meta.name);
    } else if (meta.istable) {
      doc.set("name", random_hash());
    }
    if (doc.get("name").is_null() || cstr(doc.get("name")).empty()) {
      session.events.run(doc, "autoname", session);
    }
    if ((doc.get("name").is_null() || cstr(doc.get("name")).empty()) && !autoname.empty()) {
      name_from_options(session, doc, autoname);
    }
    if (doc.get("name").is_null() || cstr(doc.get("name")).empty()) doc.set("name", random_hash());
  }
  doc.set("name", validate_name(meta, doc.get("name")));
  for (const DocField* tf : meta.table_fields()) {
    for (auto& row : doc.table(tf->fieldname)) {
      if (row->get("name").is_null() || cstr(row->get("name")).empty())
        row->set("name", random_hash());
    }
  }
}

}  // namespace quire::model
