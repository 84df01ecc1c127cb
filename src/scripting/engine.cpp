#include "scripting/engine.h"

#include <algorithm>
#include <chrono>
#include <new>

#include "lang/object/runtime.h"
#include "lang/run/run.h"
#include "lang/sandbox/sandbox.h"
#include "lang/sandbox/watchdog.h"
#include "lang/vm/interp.h"
#include "model/errors.h"
#include "scripting/frappe_api.h"
#include "scripting/frappe_db_callbacks.h"
#include "scripting/frappe_exceptions.h"
#include "scripting/server_scripts.h"
#include "scripting/value_convert.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

Value refuse_import(Isolate& I, std::string_view) {
  return raise(I, types().ImportError, "__import__ not found");
}

Isolate& isolate_at(int depth) {
  thread_local std::vector<std::unique_ptr<Isolate>> pool;
  while (static_cast<int>(pool.size()) <= depth) pool.push_back(std::make_unique<Isolate>());
  return *pool[static_cast<std::size_t>(depth)];
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\n' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\t' || s[e - 1] == '\r'))
    --e;
  return std::string(s.substr(b, e - b));
}

// The offending line and a caret under the column, as Frappe's
// validate_python_code shows them.
std::string source_line(const std::string& source, int line) {
  int current = 1;
  std::size_t start = 0;
  while (current < line && start < source.size()) {
    std::size_t nl = source.find('\n', start);
    if (nl == std::string::npos) return "";
    start = nl + 1;
    ++current;
  }
  std::size_t end = source.find('\n', start);
  return source.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// frappe.response and frappe.form_dict as the script left them, for the
// request (and the runs nested in it) to see.
void sync_request_back(lang::Isolate& I, RunState& run) {
  lang::Value frappe = global_value(I, "frappe");
  if (frappe.is_undef() || !lang::is_kind(frappe, lang::Kind::Module)) return;
  for (const char* key : {"response", "form_dict"}) {
    // A value the program cannot reach is as the run found it (None).
    const unsigned needs = std::string_view(key) == "response" ? kReachResponse : kReachFormDict;
    if (run.reach >= 0 && (static_cast<unsigned>(run.reach) & needs) == 0) continue;
    lang::Value v = lang::dict_get_str(static_cast<lang::Module*>(frappe.o)->attrs, key);
    if (v.is_undef()) continue;
    Json j;
    if (!to_json(I, v, j)) {
      lang::Value p = I.pending;
      I.pending = lang::Value();
      lang::decref(p);
      continue;
    }
    if (!j.is_object()) continue;
    (std::string_view(key) == "response" ? run.request.response : run.request.form_dict) = j;
  }
}

}  // namespace

std::string scrub(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == ' ' || c == '-') {
      out += '_';
    } else {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  return out;
}

std::shared_ptr<const Program> compile_script(const std::string& name, const std::string& source,
                                              const Limits& limits) {
  std::string filename = "<serverscript>: " + scrub(name);
  Compiled c = compile(filename, source, Policy::Sandboxed, limits);
  if (c.error) {
    int line = c.error->lineno;
    std::string text = c.error->text.empty() ? source_line(source, line) : c.error->text;
    std::string caret = c.error->offset > 0
                            ? std::string(static_cast<std::size_t>(c.error->offset - 1), ' ') + "^"
                            : "^";
    throw model::FrappeError(model::ErrorKind::ValidationError,
                             "Script: Invalid python code on line " + std::to_string(line) +
                                 "<br><pre>" + text + "\n" + caret + "</pre>" + "\n" +
                                 c.error->type + ": " + c.error->message,
                             "Syntax Error");
  }
  return c.program;
}

Value global_value(Isolate& I, std::string_view name) {
  if (!I.program) return Value();
  int slot = I.program->global_slot(name);
  if (slot < 0 || static_cast<std::size_t>(slot) >= I.globals.size()) return Value();
  return I.globals[static_cast<std::size_t>(slot)];
}

bool bind_global(Isolate& I, std::string_view name, Value v) {
  I.set_global(name, v);  // false only when the script never names it
  return true;
}

void execute(const Program& program, RunState& run, const RunHooks& hooks) {
  CurrentRun current(run);
  if (run.depth >= kMaxScriptDepth) {
    throw model::FrappeError(model::ErrorKind::ValidationError,
                             "Server scripts nested more than " + std::to_string(kMaxScriptDepth) +
                                 " deep (a script saves a document whose script saves another...)");
  }
  init_runtime();
  Isolate& I = isolate_at(run.depth);
  I.reset();
  IsolateScope scope(I);
  // The limits of sandbox.h's run(), applied here because the run needs the
  // script's exception object itself (its class decides the C++ error).
  const Limits& limits =
      run.scripts ? run.scripts->settings().limits_for(run.script_name) : Limits{};
  I.sandboxed = true;
  I.recursion_uncatchable = true;
  I.max_depth = std::clamp(limits.max_recursion, 1, 100'000);
  I.steps_left = limits.max_steps > 0 ? limits.max_steps : INT64_MAX;
  I.step_budget = limits.max_steps > 0 ? limits.max_steps : 0;
  I.heap.set_limit(limits.max_heap_bytes);
  I.heap.set_max_single_allocation(limits.max_single_allocation);
  I.heap.charge_steps_to(limits.max_steps > 0 ? &I.steps_left : nullptr);
  I.timeout_ms = limits.timeout.count();
  I.max_output_bytes = limits.max_output_bytes;
  I.stop_reason.store(Isolate::kStopCancelled);
  I.stop_flag.store(false);
  // A nested run (a script saving a document whose script runs) stops with
  // the outermost run's deadline: one watchdog ticket per outermost run.
  I.cancel = run.depth == 0 ? &I.stop_flag : isolate_at(0).cancel;
  I.import_hook = refuse_import;
  if (run.depth == 0) run.request.printed_by_outer_run = 0;
  I.output = [&run, &I, cap = limits.max_output_bytes](std::string_view text) {
    std::size_t& written = run.request.printed_by_outer_run;
    if (written >= cap) return;
    written += text.size();
    run.request.debug_log.push_back(trim(text));
    if (written > cap) {
      I.stop_reason.store(Isolate::kStopOutput);
      // The outermost run stops on the shared flag too: it names the limit.
      if (run.depth > 0) isolate_at(0).stop_reason.store(Isolate::kStopOutput);
      I.cancel->store(true);
    }
  };
  I.bind_globals = [&run, &hooks](Isolate& iso) {
    if (!bind_safe_globals(iso, run)) return false;
    return hooks.bind ? hooks.bind(iso) : true;
  };
  sandbox::Watchdog::Ticket ticket;
  const bool arm = limits.timeout.count() > 0 && run.depth == 0;
  if (arm) {
    ticket =
        sandbox::Watchdog::instance().arm(I, std::chrono::steady_clock::now() + limits.timeout);
  }
  struct Disarm {
    sandbox::Watchdog::Ticket& ticket;
    bool armed;
    ~Disarm() {
      if (armed) sandbox::Watchdog::instance().disarm(ticket);
    }
  } disarm{ticket, arm};
  // Every run is counted, failed ones too (ServerScripts::stats).
  struct Record {
    RunState& run;
    Isolate& I;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    bool failed = true;
    ~Record() {
      if (!run.scripts || run.script_name.empty()) return;
      double micros =
          std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
              .count();
      std::int64_t steps =
          I.step_budget > 0 ? I.step_budget - std::max<std::int64_t>(I.steps_left, 0) : 0;
      run.scripts->record_run(run.script_name, micros, steps, failed);
    }
  } record{run, I};
  Value result;
  try {
    result = run_module(I, program);
  } catch (const std::bad_alloc&) {
    I.frames.clear();
    I.blocks.clear();
    I.bind_globals = nullptr;
    // Out of memory is a limit: a run this one is nested in stops too.
    throw ScriptLimitError("MemoryError", "", 500, "MemoryError\n");
  }
  I.bind_globals = nullptr;
  auto fail = [&I] {
    Value exc = I.pending;
    I.pending = Value();
    std::string traceback = format_traceback(I, exc);
    // The exception object stays alive until the isolate's next reset.
    throw_script_exception(I, exc, traceback);
  };
  if (result.is_exc()) fail();
  decref(result);
  sync_request_back(I, run);
  if (hooks.after) hooks.after(I);
  if (!run_pending_transaction_callbacks(I, run)) fail();
  record.failed = false;
}

}  // namespace quire::scripting
