// frappe.get_print / attach_print / get_visible_columns (see frappe_print.h).
#include "scripting/frappe_print.h"

#include <openssl/evp.h>

#include <cstdlib>

#include "lang/sandbox/watchdog.h"
#include "lang/vm/interp.h"
#include "model/db_api.h"
#include "model/field_permissions.h"
#include "model/lifecycle.h"
#include "model/permissions.h"
#include "scripting/document_binding.h"
#include "scripting/frappe_print_layout.h"
#include "scripting/frappe_print_pdf.h"
#include "scripting/frappe_print_render.h"
#include "scripting/native_util.h"

namespace quire::scripting {

using namespace quire::lang;
using model::ErrorKind;
using model::FrappeError;
using model::Json;

namespace {

std::string text_of(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

bool flag_of(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && json_truthy(*it) && *it != Json("0");
}

// printview.get_print_format_doc: the Print Format's dict, or null for the
// standard format ("Standard", or a name no Print Format has).
Json print_format_doc(RunState& run, const model::Meta& meta, const std::string& requested) {
  std::string name = requested;
  if (name.empty()) name = text_of(meta.raw, "default_print_format");
  if (name.empty() || name == "Standard") return nullptr;
  if (model::exists(run.session, "Print Format", name).is_null()) return nullptr;
  return model::get_doc(run.session, "Print Format", name)->as_dict();
}

// printview.get_print_format: the template text of a Print Format (false
// with Frappe's error pending when it has none or is disabled).
bool print_format_template(Isolate& I, const Json& format, std::string& source) {
  std::string name = text_of(format, "name");
  if (flag_of(format, "disabled")) {
    raise_frappe(I, "DoesNotExistError", "Print Format " + name + " is disabled");
    return false;
  }
  source = text_of(format, flag_of(format, "raw_printing") ? "raw_commands" : "html");
  if (source.empty()) {
    raise_frappe(I, "TemplateNotFoundError", "No template found for Print Format " + name);
    return false;
  }
  return true;
}

// printview.validate_print_permission and the draft / cancelled rules.
void check_may_print(RunState& run, const model::Meta& meta, const model::Document& doc) {
  for (const char* ptype : {"read", "print"}) {
    if (!model::has_permission(run.session, meta, ptype, &doc))
      throw FrappeError(ErrorKind::PermissionError, std::string("No ") + ptype + " permission");
  }
}

void check_docstatus(const model::Meta& meta, const Json& dict) {
  if (!meta.is_submittable) return;
  const Json& settings = default_print_settings();
  auto it = dict.find("docstatus");
  int docstatus = it != dict.end() && it->is_number() ? it->get<int>() : 0;
  if (docstatus == 0 && !flag_of(settings, "allow_print_for_draft"))
    throw FrappeError(ErrorKind::PermissionError, "Not allowed to print draft documents");
  if (docstatus == 2 && !flag_of(settings, "allow_print_for_cancelled"))
    throw FrappeError(ErrorKind::PermissionError, "Not allowed to print cancelled documents");
}

struct PrintRequest {
  std::string doctype;
  Value name = Value();  // borrowed
  Value doc = Value();   // borrowed: a document given instead of doctype/name
  std::string print_format;
  std::string style;
  bool no_letterhead = false;
  bool ignore_permissions = false;  // attach_print's ignore_print_permissions
};

// printview's page for `request`: get_context + get_rendered_template +
// get_print_style. Returns false with an exception pending.
bool print_html(Isolate& I, RunState& run, const PrintRequest& request, std::string& html) {
  Value wrapper = Value();
  if (is_document(request.doc)) {
    wrapper = request.doc;
    incref(wrapper);
  } else if (given(request.doc) || (!request.doctype.empty() && given(request.name))) {
    Json name;
    if (!given(request.doc) && !to_json(I, request.name, name)) return false;
    wrapper = guarded(I, [&]() -> Value {
      if (given(request.doc)) {
        Json values;
        if (!to_json(I, request.doc, values)) return Value::exc();
        return wrap_document(I, run, model::doc_from_dict(run.session, values));
      }
      return wrap_document(I, run, model::get_doc(run.session, request.doctype, name), true);
    });
    if (wrapper.is_exc()) return false;
  } else {
    html = print_page("Error", "", "<h1>Error</h1>\n<p>Parameters doctype and name required</p>");
    return true;
  }
  struct Release {
    Value v;
    ~Release() { decref(v); }
  } release{wrapper};

  if (!push_document(I, run, wrapper)) return false;
  auto document = document_of(run, wrapper);
  PrintSubject subject;
  subject.doc = wrapper;
  Value done = guarded(I, [&]() -> Value {
    subject.meta = run.session.metas.get(document->doctype());
    subject.dict = document->as_dict();
    if (!request.ignore_permissions) check_may_print(run, *subject.meta, *document);
    check_docstatus(*subject.meta, subject.dict);
    // doc.run_method("before_print", print_settings): Before Print scripts.
    run.session.events.run(*document, "before_print", run.session,
                           Json{{"print_settings", default_print_settings()}});
    return Value::none();
  });
  if (done.is_exc() || !pull_document(I, run, wrapper) ||
      !document_to_json(I, wrapper, subject.dict))
    return false;

  Json format;
  std::string source;
  done = guarded(I, [&]() -> Value {
    format = print_format_doc(run, *subject.meta, request.print_format);
    subject.no_read = model::fields_without_access(run.session, *subject.meta, "read");
    return Value::none();
  });
  if (done.is_exc()) return false;
  // A custom or standard-Yes format is its template; one built with the
  // Print Format Builder (format_data) prints with the standard layout.
  if (!format.is_null() &&
      (flag_of(format, "custom_format") || text_of(format, "standard") == "Yes" ||
       flag_of(format, "disabled")) &&
      !print_format_template(I, format, source))
    return false;
  if (!format.is_null()) {
    subject.section_headings = flag_of(format, "show_section_headings");
    subject.align_labels_right = flag_of(format, "align_labels_right");
  }
  auto layout = make_print_layout(*subject.meta, subject.dict, subject.no_read);
  std::string body;
  bool ok = source.empty()
                ? render_standard_print(I, run, subject, layout, body)
                : render_print_template(I, subject, source, layout, request.no_letterhead, body);
  if (!ok) return false;
  std::string title = text_of(subject.dict, "name");
  if (!subject.meta->title_field.empty()) {
    auto it = subject.dict.find(subject.meta->title_field);
    if (it != subject.dict.end() && it->is_string()) title = it->get<std::string>();
  }
  std::string css = format.is_null() ? "" : text_of(format, "css");
  html = print_page(title, css.empty() ? "" : "\n\n" + css, body);
  return true;
}

// frappe.utils.pdf.get_pdf(html): the bytes of the PDF, under the run's
// deadline and stop flag.
Value pdf_of(Isolate& I, const std::string& html) {
  PdfRequest request;
  request.html = html;
  request.stop = I.cancel;
  request.deadline = sandbox::Watchdog::instance().deadline_for(I.cancel);
  if (const char* program = std::getenv("QUIRE_WKHTMLTOPDF"); program && *program)
    request.executable = program;
  PdfResult result = html_to_pdf(request);
  switch (result.failure) {
    case PdfFailure::None:
      return new_bytes(I, result.pdf);
    case PdfFailure::Stopped:
    case PdfFailure::TimedOut:
      // The run's deadline or cancel(): the run's own limit error.
      if (!check_limits(I)) return Value::exc();
      return raise(I, types().OSError, result.message);
    case PdfFailure::NotInstalled:
    case PdfFailure::Failed:
      break;
  }
  return raise(I, types().OSError, result.message);
}

bool no_password(Isolate& I, Value password) {
  int t = given(password) ? truthy(I, password) : 0;
  if (t < 0) return false;
  if (t) {
    raise(I, types().NotImplementedError,
          "password-protected PDFs are not available in quire (no PDF encryption)");
    return false;
  }
  return true;
}

// get_print(doctype=None, name=None, print_format=None, style=None, as_pdf=False,
//           doc=None, output=None, no_letterhead=0, password=None,
//           pdf_options=None, letterhead=None, pdf_generator=None)
QUIRE_NATIVE(f_get_print) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[12];
  if (!parse_args(I, "get_print", args, nargs, kwnames,
                  {"doctype", "name", "print_format", "style", "as_pdf", "doc", "output",
                   "no_letterhead", "password", "pdf_options", "letterhead", "pdf_generator"},
                  0, a))
    return Value::exc();
  PrintRequest request;
  bool as_pdf = false;
  if (!opt_string(I, a[0], request.doctype, "doctype") ||
      !opt_string(I, a[2], request.print_format, "print_format") ||
      !opt_string(I, a[3], request.style, "style") || !opt_bool(I, a[4], as_pdf) ||
      !opt_bool(I, a[7], request.no_letterhead) || !no_password(I, a[8]))
    return Value::exc();
  request.name = a[1];
  request.doc = a[5];
  std::string html;
  if (!print_html(I, *run, request, html)) return Value::exc();
  if (as_pdf) return pdf_of(I, html);
  return new_str(I, html);
}

// attach_print(doctype, name, file_name=None, print_format=None, style=None,
//              html=None, doc=None, lang=None, print_letterhead=True,
//              password=None, letterhead=None): {"fname", "fcontent"} with the
// PDF (Print Settings' send_print_as_pdf is on by default, and quire has no
// Print Settings to turn it off). Print permission is not checked, as in
// Frappe (ignore_print_permissions).
QUIRE_NATIVE(f_attach_print) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[11];
  if (!parse_args(I, "attach_print", args, nargs, kwnames,
                  {"doctype", "name", "file_name", "print_format", "style", "html", "doc", "lang",
                   "print_letterhead", "password", "letterhead"},
                  2, a))
    return Value::exc();
  PrintRequest request;
  bool letterhead = true;
  std::string file_name, given_html;
  if (!arg_string(I, a[0], request.doctype, "doctype") ||
      !opt_string(I, a[3], request.print_format, "print_format") ||
      !opt_string(I, a[4], request.style, "style") || !opt_bool(I, a[8], letterhead, true) ||
      !no_password(I, a[9]))
    return Value::exc();
  if (given(a[2])) {
    if (!str_into(I, a[2], file_name)) return Value::exc();
  } else if (!str_into(I, a[1], file_name)) {
    return Value::exc();
  }
  if (given(a[5]) && !str_into(I, a[5], given_html)) return Value::exc();
  request.name = a[1];
  request.doc = a[6];
  request.no_letterhead = !letterhead;
  request.ignore_permissions = true;
  std::string html = given_html;
  if (html.empty() && !print_html(I, *run, request, html)) return Value::exc();
  Value pdf = pdf_of(I, html);
  if (pdf.is_exc()) return pdf;
  std::string fname;
  for (char c : file_name) {
    if (c == ' ') continue;
    fname += c == '/' ? '-' : c;
  }
  Dict* out = alloc_dict(I);
  Value result = Value::object(out);
  Value keys[2] = {new_str(I, "fname"), new_str(I, "fcontent")};
  Value fname_value = new_str(I, fname + ".pdf");
  bool ok = dict_set(I, out, keys[0], fname_value) && dict_set(I, out, keys[1], pdf);
  for (Value v : {keys[0], keys[1], fname_value, pdf}) decref(v);
  if (!ok) {
    decref(result);
    return Value::exc();
  }
  return result;
}

// The DocType a Meta object (or a DocType name) stands for.
std::shared_ptr<const model::Meta> meta_arg(Isolate& I, RunState& run, Value v) {
  std::string name;
  if (is_str(v)) {
    name = std::string(as_str(v)->view());
  } else {
    Value attr = get_attr(I, v, as_str(intern("name")));
    if (attr.is_exc()) return nullptr;
    bool ok = is_str(attr);
    if (ok) name = std::string(as_str(attr)->view());
    decref(attr);
    if (!ok) {
      raise(I, types().TypeError, "get_visible_columns() needs the table's Meta (frappe.get_meta)");
      return nullptr;
    }
  }
  std::shared_ptr<const model::Meta> meta;
  Value r = guarded(I, [&]() -> Value {
    meta = run.session.metas.get(name);
    return Value::none();
  });
  return r.is_exc() ? nullptr : meta;
}

// get_visible_columns(data, table_meta, df) (printview.py).
QUIRE_NATIVE(g_get_visible_columns) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[3];
  if (!parse_args(I, "get_visible_columns", args, nargs, kwnames, {"data", "table_meta", "df"}, 3,
                  a))
    return Value::exc();
  Json rows, df;
  if (!to_json(I, a[0], rows) || !to_json(I, a[2], df)) return Value::exc();
  if (!rows.is_array() || rows.empty()) {
    return raise(I, types().IndexError, "list index out of range");
  }
  auto table_meta = meta_arg(I, *run, a[1]);
  if (!table_meta) return Value::exc();
  return guarded(I, [&]() -> Value {
    std::string parent = text_of(df, "parent");
    auto parent_meta = parent.empty() ? nullptr : run->session.metas.find_meta(parent);
    auto no_read = model::fields_without_access(run->session, *table_meta,
                                                parent_meta ? *parent_meta : *table_meta, "read");
    Json columns = Json::array();
    for (Json& col : visible_columns(rows, *table_meta, df, no_read))
      columns.push_back(std::move(col));
    return to_value(I, columns);
  });
}

std::string base64_of(std::string_view raw) {
  std::string out(4 * ((raw.size() + 2) / 3), '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(raw.data()),
                          static_cast<int>(raw.size()));
  out.resize(n < 0 ? 0 : static_cast<std::size_t>(n));
  return out;
}

}  // namespace

bool attachments_to_json(Isolate& I, Value attachments, Json& out) {
  if (!is_list(attachments)) return json_arg(I, attachments, out);
  out = Json::array();
  List* list = as_list(attachments);
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    Value item = list->items[i];
    Json entry;
    if (!to_json(I, item, entry)) return false;
    if (is_dict(item)) {
      Value content = dict_get_str(as_dict(item), "fcontent");
      if (!content.is_undef() && is_kind(content, Kind::Bytes)) {
        entry["fcontent"] = base64_of(static_cast<Bytes*>(content.o)->view());
        entry["encoding"] = "base64";
      }
    }
    out.push_back(std::move(entry));
  }
  return true;
}

void add_print_names(Type* frappe_names, Type* globals) {
  host::define_method(frappe_names, "get_print", f_get_print);
  host::define_method(frappe_names, "attach_print", f_attach_print);
  host::define_method(globals, "get_visible_columns", g_get_visible_columns);
}

}  // namespace quire::scripting
