// frappe.website names quire can answer without website pages (see
// frappe_website.h).
#include "scripting/frappe_website.h"

#include "lang/sandbox/host.h"
#include "model/db_api.h"
#include "model/time_zone.h"
#include "scripting/native_util.h"

namespace quire::scripting {

using namespace quire::lang;
using model::Json;

namespace {

// str.<method>() of `text` (Python's Unicode strip and title).
bool str_method(Isolate& I, const std::string& text, const char* method, std::string& out) {
  Value s = new_str(I, text);
  Value r = call_method(I, s, method, nullptr, 0);
  decref(s);
  if (r.is_exc()) return false;
  bool ok = str_into(I, r, out);
  decref(r);
  return ok;
}

// The first `n` code points of UTF-8 `text`.
std::string first_code_points(const std::string& text, std::size_t n) {
  std::size_t i = 0, count = 0;
  while (i < text.size() && count < n) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    ++count;
  }
  return text.substr(0, i);
}

// re.search("<!-- title:([^>]*) -->", source): the group ends just before
// the first '>' after the tag, which must close " -->".
bool comment_title(const std::string& source, std::string& group) {
  static const std::string open = "<!-- title:";
  for (std::size_t at = source.find(open); at != std::string::npos;
       at = source.find(open, at + 1)) {
    std::size_t start = at + open.size();
    std::size_t close = source.find('>', start);
    if (close == std::string::npos) return false;
    if (close >= start + 3 && source.compare(close - 3, 3, " --") == 0) {
      group = source.substr(start, close - 3 - start);
      return true;
    }
  }
  return false;
}

// extract_title(source, path): the <!-- title: --> comment, else the text
// after the first <h1> (Frappe keeps the "<h1>" itself: its pattern's whole
// match is used), else a title made from the path's file name.
QUIRE_NATIVE(w_extract_title) {
  Value a[2];
  if (!parse_args(I, "extract_title", args, nargs, kwnames, {"source", "path"}, 2, a))
    return Value::exc();
  std::string source, path, title, group;
  if (!arg_string(I, a[0], source, "source") || !arg_string(I, a[1], path, "path"))
    return Value::exc();
  if (comment_title(source, group) && !str_method(I, group, "strip", title)) return Value::exc();
  if (title.empty()) {
    std::size_t h1 = source.find("<h1>");
    if (h1 != std::string::npos) {
      std::size_t end = source.find('<', h1 + 4);
      std::string match = source.substr(h1, end == std::string::npos ? end : end - h1);
      std::string stripped;
      if (!str_method(I, match, "strip", stripped)) return Value::exc();
      stripped = first_code_points(stripped, 300);
      if (stripped.find("{{") == std::string::npos) title = stripped;
    }
  }
  if (title.empty()) {
    std::string name = path.substr(0, path.find('.'));
    while (!name.empty() && name.back() == '/') name.pop_back();
    name = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
    for (char& c : name) {
      if (c == '_' || c == '-') c = ' ';
    }
    if (!str_method(I, name, "title", title)) return Value::exc();
  }
  return new_str(I, title);
}

std::string text_or_empty(const Json& v) {
  return v.is_string() ? v.get<std::string>() : "";
}

// get_home_page(): a signed-in user's first role with a home page, else
// "me"; a Guest's "login". quire has no hooks, Portal Settings or Website
// Settings to consult in between.
QUIRE_NATIVE(w_get_home_page) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  if (nargs || kwnames) return raise(I, types().TypeError, "get_home_page() takes no arguments");
  return guarded(I, [&]() -> Value {
    std::string home;
    if (run->session.user != "Guest") {
      for (const std::string& role : run->session.roles) {
        home = text_or_empty(model::get_value(run->session, "Role", Json(role), Json("home_page")));
        if (!home.empty()) break;
      }
    }
    if (home.empty()) home = run->session.user == "Guest" ? "login" : "me";
    std::size_t first = home.find_first_not_of('/');
    std::size_t last = home.find_last_not_of('/');
    home = first == std::string::npos ? "" : home.substr(first, last - first + 1);
    return new_str(I, home);
  });
}

// get_boot_data(): the date/number defaults and time zones a web page boots with.
QUIRE_NATIVE(w_get_boot_data) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  if (nargs || kwnames) return raise(I, types().TypeError, "get_boot_data() takes no arguments");
  return guarded(I, [&]() -> Value {
    auto setting = [&](const char* key) {
      auto meta = run->session.metas.find_meta("System Settings");
      if (!meta || !meta->field(key)) return Json();
      return model::get_single_value(run->session, "System Settings", key);
    };
    Json precision = setting("float_precision");
    std::int64_t digits = 0;
    if (precision.is_number()) {
      digits = precision.get<std::int64_t>();
    } else if (precision.is_string()) {
      try {
        digits = std::stoll(precision.get<std::string>());
      } catch (...) {
        digits = 0;
      }
    }
    std::string date_format = text_or_empty(setting("date_format"));
    std::string time_format = text_or_empty(setting("time_format"));
    std::string system_zone = model::site_time_zone_name(run->session.db);
    std::string user_zone = text_or_empty(
        model::get_value(run->session, "User", Json(run->session.user), Json("time_zone")));
    Json boot = {
        {"sysdefaults",
         {{"float_precision", digits ? digits : 3},
          {"date_format", date_format.empty() ? "yyyy-mm-dd" : date_format},
          {"time_format", time_format.empty() ? "HH:mm:ss" : time_format}}},
        {"time_zone",
         {{"system", system_zone}, {"user", user_zone.empty() ? system_zone : user_zone}}}};
    Value d = to_value(I, boot);
    return d;
  });
}

// get_toc(route, url_prefix=None, app=None) / get_next_link(...): no pages,
// so no index and no next page.
QUIRE_NATIVE(g_no_pages) {
  Value a[3];
  if (!parse_args(I, "get_toc", args, nargs, kwnames, {"route", "url_prefix", "app"}, 1, a))
    return Value::exc();
  std::string route;
  if (!arg_string(I, a[0], route, "route")) return Value::exc();
  return new_str(I, "");
}

}  // namespace

void add_website_names(Type* website, Type* globals) {
  host::define_method(website, "extract_title", w_extract_title);
  host::define_method(website, "get_home_page", w_get_home_page);
  host::define_method(website, "get_boot_data", w_get_boot_data);
  host::define_method(globals, "get_toc", g_no_pages);
  host::define_method(globals, "get_next_link", g_no_pages);
}

}  // namespace quire::scripting
