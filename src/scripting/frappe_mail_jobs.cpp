// frappe.sendmail and frappe.enqueue: the two ways a script hands work to
// something that runs after it (spec §2.5, §3.6).
//
// sendmail queues an Email Queue document (status "Not Sent") in the
// script's transaction, as Frappe's QueueBuilder does; delivering it is the
// mail sender's job, after commit, and not part of this layer. enqueue hands
// (method, kwargs, options) to ScriptSettings::enqueue once the transaction
// commits; enqueue(..., now=True) runs the method at once as frappe.call.
#include <chrono>
#include <cstdio>
#include <set>

#include "lang/sandbox/host.h"
#include "model/db_api.h"
#include "model/lifecycle.h"
#include "scripting/document_binding.h"
#include "scripting/frappe_api.h"
#include "scripting/frappe_print.h"
#include "scripting/native_util.h"
#include "scripting/server_scripts.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

// Frappe's split_emails: addresses separated by commas, semicolons or new
// lines (a comma inside a quoted display name does not split).
void split_addresses(const std::string& text, std::vector<std::string>& out) {
  std::string current;
  bool quoted = false;
  auto flush = [&] {
    auto b = current.find_first_not_of(" \t\r\n");
    auto e = current.find_last_not_of(" \t\r\n");
    if (b != std::string::npos) out.push_back(current.substr(b, e - b + 1));
    current.clear();
  };
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == ',' || c == ';' || c == '\n')) {
      flush();
    } else {
      current += c;
    }
  }
  flush();
}

// recipients / cc / bcc: a str or a list of str; duplicates dropped, order kept.
bool address_list(Isolate& I, Value v, std::vector<std::string>& out, const char* what) {
  if (!given(v)) return true;
  std::vector<std::string> all;
  if (is_str(v)) {
    split_addresses(std::string(as_str(v)->view()), all);
  } else {
    Json list;
    if (!to_json(I, v, list)) return false;
    if (!list.is_array()) {
      raise(I, types().TypeError, std::string(what) + " must be a str or a list of str");
      return false;
    }
    for (const auto& e : list) {
      if (e.is_string()) split_addresses(e.get<std::string>(), all);
    }
  }
  std::set<std::string> seen(out.begin(), out.end());
  for (auto& a : all) {
    if (seen.insert(a).second) out.push_back(std::move(a));
  }
  return true;
}

// "YYYY-MM-DD" `n` days after the date `today` ("YYYY-MM-DD").
std::string days_after(const std::string& today, std::int64_t n) {
  using namespace std::chrono;
  int y = std::stoi(today.substr(0, 4));
  unsigned m = static_cast<unsigned>(std::stoi(today.substr(5, 2)));
  unsigned d = static_cast<unsigned>(std::stoi(today.substr(8, 2)));
  year_month_day when{sys_days{year{y} / month{m} / day{d}} + days{n}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(when.year()),
                static_cast<unsigned>(when.month()), static_cast<unsigned>(when.day()));
  return buf;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// str() of an optional argument ("" when not given).
bool opt_text(Isolate& I, Value v, std::string& out) {
  if (!given(v)) return true;
  return str_into(I, v, out);
}

// A header value on one line: each run of CR/LF becomes one space, as an
// unfolded header reads. Whatever later writes the Email Queue out as a
// message could otherwise be handed extra headers ("hi\r\nBcc: x"); Python's
// email package, which Frappe sends with, refuses such values at send time,
// long after the script's transaction committed the queue entry.
std::string one_line(std::string text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r' && text[i] != '\n') {
      out += text[i];
      continue;
    }
    while (i + 1 < text.size() && (text[i + 1] == '\r' || text[i + 1] == '\n')) ++i;
    out += ' ';
  }
  return out;
}

QUIRE_NATIVE(f_sendmail) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  enum {
    kRecipients,
    kSender,
    kSubject,
    kMessage,
    kAsMarkdown,
    kDelayed,
    kReferenceDoctype,
    kReferenceName,
    kUnsubscribeMethod,
    kUnsubscribeParams,
    kUnsubscribeMessage,
    kAddUnsubscribeLink,
    kAttachments,
    kContent,
    kDoctype,
    kName,
    kReplyTo,
    kQueueSeparately,
    kCc,
    kBcc,
    kMessageId,
    kInReplyTo,
    kSendAfter,
    kExposeRecipients,
    kSendPriority,
    kCommunication,
    kRetry,
    kNow,
    kCount
  };
  Value a[kCount + 11];
  if (!parse_args(I, "sendmail", args, nargs, kwnames,
                  {"recipients",
                   "sender",
                   "subject",
                   "message",
                   "as_markdown",
                   "delayed",
                   "reference_doctype",
                   "reference_name",
                   "unsubscribe_method",
                   "unsubscribe_params",
                   "unsubscribe_message",
                   "add_unsubscribe_link",
                   "attachments",
                   "content",
                   "doctype",
                   "name",
                   "reply_to",
                   "queue_separately",
                   "cc",
                   "bcc",
                   "message_id",
                   "in_reply_to",
                   "send_after",
                   "expose_recipients",
                   "send_priority",
                   "communication",
                   "retry",
                   "now",
                   "read_receipt",
                   "is_notification",
                   "inline_images",
                   "template",
                   "args",
                   "header",
                   "print_letterhead",
                   "with_container",
                   "email_read_tracker_url",
                   "x_priority",
                   "email_headers"},
                  0, a))
    return Value::exc();
  std::vector<std::string> recipients, cc, bcc;
  if (!address_list(I, a[kRecipients], recipients, "recipients") ||
      !address_list(I, a[kCc], cc, "cc") || !address_list(I, a[kBcc], bcc, "bcc"))
    return Value::exc();
  // Frappe's QueueBuilder queues nothing when there is nobody to send to.
  if (recipients.empty() && cc.empty() && bcc.empty()) return Value::none();

  std::string sender, subject = "No Subject", message = "No Message", ref_dt, ref_name, reply_to,
                      message_id, expose;
  if (given(a[kSubject]) && (subject.clear(), !str_into(I, a[kSubject], subject)))
    return Value::exc();
  // content= wins over message= (Frappe: message = content or message).
  Value body = given(a[kContent]) ? a[kContent] : a[kMessage];
  if (given(body) && (message.clear(), !str_into(I, body, message))) return Value::exc();
  if (!opt_text(I, a[kSender], sender) || !opt_text(I, a[kReplyTo], reply_to) ||
      !opt_text(I, a[kMessageId], message_id) || !opt_text(I, a[kExposeRecipients], expose))
    return Value::exc();
  // doctype= / name= are the older spellings of reference_doctype / reference_name.
  if (!opt_text(I, given(a[kDoctype]) ? a[kDoctype] : a[kReferenceDoctype], ref_dt) ||
      !opt_text(I, given(a[kName]) ? a[kName] : a[kReferenceName], ref_name))
    return Value::exc();
  std::int64_t priority = 1, retry = 1;
  if (!opt_int(I, a[kSendPriority], priority, 1) || !opt_int(I, a[kRetry], retry, 1))
    return Value::exc();
  bool unsubscribe_link = true;
  if (!opt_bool(I, a[kAddUnsubscribeLink], unsubscribe_link, true)) return Value::exc();
  Json attachments;
  if (!attachments_to_json(I, a[kAttachments], attachments)) return Value::exc();

  for (std::string* header : {&sender, &subject, &reply_to, &message_id, &expose})
    *header = one_line(std::move(*header));
  return guarded(I, [&]() -> Value {
    Json values = {{"doctype", "Email Queue"},
                   {"status", "Not Sent"},
                   {"sender", sender},
                   {"recipients", joined(recipients)},
                   {"show_as_cc", joined(cc)},
                   {"bcc", joined(bcc)},
                   {"subject", subject},
                   {"message", message},
                   {"priority", priority},
                   {"retry", retry},
                   {"add_unsubscribe_link", unsubscribe_link ? 1 : 0}};
    if (!reply_to.empty()) values["reply_to"] = reply_to;
    if (!message_id.empty()) values["message_id"] = message_id;
    if (!expose.empty()) values["expose_recipients"] = expose;
    if (!ref_dt.empty()) values["reference_doctype"] = ref_dt;
    if (!ref_name.empty()) values["reference_name"] = ref_name;
    if (!attachments.is_null()) values["attachments"] = attachments.dump();
    if (given(a[kSendAfter])) {
      std::string when;
      if (a[kSendAfter].is_int()) {
        // An int is a number of days from today (Frappe: add_days(nowdate(), n)).
        when = days_after(run->session.today(), a[kSendAfter].i);
      } else if (!str_into(I, a[kSendAfter], when)) {
        return Value::exc();
      }
      values["send_after"] = when;
    }
    auto doc = model::doc_from_dict(run->session, values);
    model::InsertOptions o;
    o.ignore_permissions = true;
    o.ignore_links = true;
    model::insert(run->session, *doc, o);
    return wrap_document(I, *run, doc);
  });
}

// The options frappe.enqueue consumes itself; every other keyword goes to the method.
bool is_enqueue_option(std::string_view name) {
  static const std::set<std::string_view> options = {"queue",
                                                     "timeout",
                                                     "event",
                                                     "is_async",
                                                     "job_name",
                                                     "now",
                                                     "enqueue_after_commit",
                                                     "at_front",
                                                     "job_id",
                                                     "deduplicate",
                                                     "on_success",
                                                     "on_failure"};
  return options.count(name) > 0;
}

QUIRE_NATIVE(f_enqueue) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  std::string method;
  if (nargs != 1 || !arg_string(I, args[0], method, "method")) {
    if (!I.pending.is_undef()) return Value::exc();
    return raise(I, types().TypeError,
                 "enqueue() takes the method as its only positional argument");
  }
  Json kwargs = Json::object(), options = Json::object();
  std::vector<Value> call_args{args[0]};
  std::vector<Value> call_names;
  bool now = false;
  for (std::size_t i = 0; kwnames && i < kwnames->size; ++i) {
    Value name = kwnames->items()[i];
    std::string key(as_str(name)->view());
    Value v = args[nargs + i];
    if (key == "now") {
      if (!is_true(I, v, now)) return Value::exc();
      continue;
    }
    if (key == "on_success" || key == "on_failure") {
      return raise(I, types().TypeError, "enqueue() " + key + " callbacks are not supported");
    }
    Json j;
    if (!to_json(I, v, j)) return Value::exc();
    if (is_enqueue_option(key)) {
      options[key] = j;
    } else {
      kwargs[key] = j;
      call_args.push_back(v);
      call_names.push_back(name);
    }
  }
  if (now) {
    // Frappe runs the job in this process at once: the same as frappe.call.
    Value names = new_tuple_from(I, call_names.data(), call_names.size());
    if (names.is_exc()) return names;
    Value r = call_whitelisted(I, call_args.data(), 1, as_tuple(names));
    decref(names);
    return r;
  }
  const ScriptSettings* settings = run->settings();
  if (!settings || !settings->enqueue) {
    return raise_frappe(I, "ValidationError", "Background jobs are not available on this site");
  }
  auto hook = settings->enqueue;
  model::Session& session = run->session;
  // The whitelist rule is checked here, not only in the worker as Frappe
  // does: a method nobody may call fails the script that names it instead
  // of a job later.
  bool allowed = method == "ping" || method == "frappe.ping";
  Value checked = guarded(I, [&]() -> Value {
    if (!allowed) allowed = run->scripts->find_api(session, method) != nullptr;
    if (!allowed && settings->whitelisted) allowed = settings->whitelisted(session, method);
    return Value::none();
  });
  if (checked.is_exc()) return checked;
  if (!allowed) return raise_frappe(I, "PermissionError", not_whitelisted_message(method));
  // The queued copy lives outside the script's heap until commit: it counts
  // against the run's memory limit, so a loop of enqueue(m, a=big) stops
  // with ScriptMemoryError (and its jobs go with the rollback) instead of
  // growing the process.
  I.heap.charge(method.size() + kwargs.dump().size() + options.dump().size());
  auto job = [hook, &session, method, kwargs, options] { hook(session, method, kwargs, options); };
  return guarded(I, [&]() -> Value {
    if (session.transaction_depth > 0) {
      session.after_commit.push_back(std::move(job));
    } else {
      job();
    }
    return Value::none();
  });
}

}  // namespace

void add_mail_and_job_functions(Type* frappe_names) {
  host::define_method(frappe_names, "sendmail", f_sendmail);
  host::define_method(frappe_names, "enqueue", f_enqueue);
}

}  // namespace quire::scripting
