// Small names of the frappe namespace and the script globals (see
// frappe_site_names.h). What quire has no counterpart for (a job registry to
// ask, outside `quire serve`) raises NotImplementedError naming what is
// missing, instead of an AttributeError that reads like a typo. Printing is
// in frappe_print.cpp, the website helpers in frappe_website.cpp.
#include "scripting/frappe_site_names.h"

#include <openssl/evp.h>

#include <cstdlib>

#include "lang/sandbox/host.h"
#include "model/db_api.h"
#include "scripting/frappe_print.h"
#include "scripting/frappe_website.h"
#include "scripting/native_util.h"
#include "scripting/server_scripts.h"
#include "scripting/utils_misc.h"
#include "scripting/utils_sanitize_html.h"

namespace quire::scripting {

using namespace quire::lang;
using model::Json;

namespace {

// frappe.get_system_settings(key): a field of System Settings (None when the
// DocType has no such field).
QUIRE_NATIVE(f_get_system_settings) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[1];
  if (!parse_args(I, "get_system_settings", args, nargs, kwnames, {"key"}, 1, a))
    return Value::exc();
  std::string key;
  if (!arg_string(I, a[0], key, "key")) return Value::exc();
  return guarded(I,
                 [&]() -> Value { return to_value(I, system_settings_field(run->session, key)); });
}

// frappe.get_gravatar is frappe.utils.get_gravatar_url(email, default="mm"):
// the URL only, no request (safe_exec binds the URL builder, not get_gravatar).
QUIRE_NATIVE(f_get_gravatar) {
  Value a[2];
  if (!parse_args(I, "get_gravatar_url", args, nargs, kwnames, {"email", "default"}, 1, a))
    return Value::exc();
  std::string email, fallback = "mm";
  if (!str_into(I, a[0], email) || !opt_string(I, a[1], fallback, "default", "mm"))
    return Value::exc();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(email.data(), email.size(), digest, &size, EVP_md5(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string text;
  for (unsigned int i = 0; i < size; ++i) {
    text += hex[digest[i] >> 4];
    text += hex[digest[i] & 15];
  }
  return new_str(I, "https://secure.gravatar.com/avatar/" + text + "?d=" + fallback + "&s=200");
}

// frappe.get_hooks(hook=None, default=None, app_name=None): quire runs no
// Python apps, so a site has no hooks: all of them is an empty _dict, one of
// them `default` (or [] as Frappe's for a missing hook).
QUIRE_NATIVE(f_get_hooks) {
  Value a[3];
  if (!parse_args(I, "get_hooks", args, nargs, kwnames, {"hook", "default", "app_name"}, 0, a))
    return Value::exc();
  int named = given(a[0]) ? truthy(I, a[0]) : 0;
  if (named < 0) return Value::exc();
  if (!named) return to_value(I, Json::object());
  if (given(a[1])) {
    incref(a[1]);
    return a[1];
  }
  return to_value(I, Json::array());
}

// frappe.website.abs_url(path) (website/utils.py).
QUIRE_NATIVE(w_abs_url) {
  if (nargs != 1 || kwnames) return raise(I, types().TypeError, "abs_url() takes one argument");
  int t = truthy(I, args[0]);
  if (t < 0) return Value::exc();
  if (!t) return Value::none();
  std::string path;
  if (!arg_string(I, args[0], path, "path")) return Value::exc();
  for (const char* keep : {"http://", "https://", "tel:", "data:"}) {
    if (path.rfind(keep, 0) == 0) return new_str(I, path);
  }
  return new_str(I, path[0] == '/' ? path : "/" + path);
}

// frappe.website.get_html_content_based_on_type(doc, fieldname, content_type).
QUIRE_NATIVE(w_get_html_content_based_on_type) {
  Value a[3];
  if (!parse_args(I, "get_html_content_based_on_type", args, nargs, kwnames,
                  {"doc", "fieldname", "content_type"}, 3, a))
    return Value::exc();
  std::string fieldname, content_type;
  if (!arg_string(I, a[1], fieldname, "fieldname") || !str_into(I, a[2], content_type))
    return Value::exc();
  auto get = [&](const std::string& key) {
    Value k = new_str(I, key);
    Value r = call_method(I, a[0], "get", &k, 1);
    decref(k);
    return r;
  };
  Value content;
  if (content_type == "Markdown") {
    Value md = get(fieldname + "_md");
    if (md.is_exc()) return md;
    content = call_util(I, "md_to_html", &md, 1);
    decref(md);
  } else {
    content = get(content_type == "HTML" ? fieldname + "_html" : fieldname);
  }
  if (content.is_exc() || !content.is_none()) return content;
  return new_str(I, "");
}

Value not_in_quire(Isolate& I, const std::string& name, const std::string& why) {
  return raise(I, types().NotImplementedError, name + " is not available in quire: " + why);
}

// is_job_queued(job_name, queue="default") (frappe.utils.background_jobs):
// whether a job of that name is queued or running in the queue.
QUIRE_NATIVE(g_is_job_queued) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[2];
  if (!parse_args(I, "is_job_queued", args, nargs, kwnames, {"job_name", "queue"}, 1, a))
    return Value::exc();
  std::string job_name;
  std::string queue = "default";
  if (!arg_string(I, a[0], job_name, "job_name")) return Value::exc();
  if (!a[1].is_undef() && !arg_string(I, a[1], queue, "queue")) return Value::exc();
  const ScriptSettings* settings = run->settings();
  if (!settings || !settings->job_queued) {
    return not_in_quire(I, "is_job_queued", "this process has no job queue to look into");
  }
  return guarded(I, [&]() -> Value {
    return Value::boolean(settings->job_queued(run->session, job_name, queue));
  });
}

Type* website_namespace() {
  static Type* t = [] {
    Type* w = host::define_type("frappe.website");
    host::define_method(w, "abs_url", w_abs_url);
    host::define_method(w, "get_html_content_based_on_type", w_get_html_content_based_on_type);
    return w;
  }();
  return t;
}

}  // namespace

void add_site_names(Type* frappe_names, Type* globals) {
  host::define_method(frappe_names, "get_system_settings", f_get_system_settings);
  add_sanitize_html(frappe_names);
  host::define_method(frappe_names, "get_gravatar", f_get_gravatar);
  host::define_method(frappe_names, "get_hooks", f_get_hooks);
  add_print_names(frappe_names, globals);
  // frappe.conf.socketio_port: quire has no realtime server.
  host::define_class_attr(frappe_names, "socketio_port", Value::none());
  host::define_class_attr(frappe_names, "website", Value::object(website_namespace()));
  host::define_method(globals, "is_job_queued", g_is_job_queued);
  add_website_names(website_namespace(), globals);
  // 1 when the process runs with DEV_SERVER set (safe_exec.py reads os.environ).
  const char* dev = std::getenv("DEV_SERVER");
  host::define_class_attr(globals, "dev_server", Value::integer(dev && *dev ? 1 : 0));
}

}  // namespace quire::scripting
