// frappe.db's callback managers (see frappe_db_callbacks.h). Each manager is
// a process-wide class whose static methods act on the current run's lists
// (RunState::transaction_callbacks), so frappe.db stays one immutable
// namespace shared by every run.
#include "scripting/frappe_db_callbacks.h"

#include "lang/sandbox/host.h"
#include "scripting/frappe_exceptions.h"
#include "scripting/native_util.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

constexpr const char* kNames[4] = {"before_commit", "after_commit", "before_rollback",
                                   "after_rollback"};

// Whether a commit or rollback of this run's own can happen while it runs.
bool has_own_transaction(const RunState& run) {
  for (const RunState* r = &run; r; r = r->outer) {
    if (r->restrict_commit) return false;
  }
  return static_cast<bool>(run.request.commit);
}

template <int P>
Value cb_add(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[1];
  if (!parse_args(I, "add", args, nargs, kwnames, {"func"}, 1, a)) return Value::exc();
  if (run->depth > 0 && has_own_transaction(*run)) {
    return raise_frappe(
        I, "ValidationError",
        std::string("frappe.db.") + kNames[P] +
            ".add(): this script runs nested in another (frappe.call, run_script), and its "
            "functions end with it, before the transaction commits. Add the callback in the "
            "calling script, or call frappe.db.commit() here after adding it.");
  }
  if (!has_own_transaction(*run)) {
    return raise_frappe(
        I, "ValidationError",
        std::string("frappe.db.") + kNames[P] +
            ".add(): quire runs transaction callbacks at the script's own "
            "frappe.db.commit() or frappe.db.rollback(), which this script does not have (a "
            "DocType Event or Permission Query script runs inside its caller's transaction, "
            "which commits after the script's functions are gone). Do the work in the script "
            "itself, or hand it to frappe.enqueue, which runs after commit.");
  }
  incref(a[0]);
  run->transaction_callbacks[P].push_back(a[0]);
  return Value::none();
}

template <int P>
Value cb_run(Isolate& I, Value*, std::size_t nargs, const Tuple*, void*) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  if (nargs) return raise(I, types().TypeError, "run() takes no arguments");
  if (!run_transaction_callbacks(I, *run, static_cast<TransactionPoint>(P))) return Value::exc();
  return Value::none();
}

template <int P>
Value cb_reset(Isolate& I, Value*, std::size_t nargs, const Tuple*, void*) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  if (nargs) return raise(I, types().TypeError, "reset() takes no arguments");
  run->transaction_callbacks[P].clear();  // the isolate frees them
  return Value::none();
}

// frappe.db.add_index(doctype, fields, index_name=None): refused. Frappe's
// commits the transaction and runs ALTER TABLE; quire keeps schema changes
// to DocType definitions (a field's search_index), which migrate applies.
QUIRE_NATIVE(db_add_index) {
  return raise_frappe(I, "PermissionError",
                      "frappe.db.add_index is not available to server scripts in quire: set "
                      "search_index on the field in the DocType (or a Custom Field) instead");
}

template <int P>
Type* manager_type() {
  static Type* t = [] {
    Type* type = host::define_type("CallbackManager");
    host::define_staticmethod(type, "add", cb_add<P>);
    host::define_staticmethod(type, "run", cb_run<P>);
    host::define_staticmethod(type, "reset", cb_reset<P>);
    return type;
  }();
  return t;
}

}  // namespace

bool run_transaction_callbacks(Isolate& I, RunState& run, TransactionPoint point) {
  auto& lists = run.transaction_callbacks;
  int p = static_cast<int>(point);
  // database.py: a commit forgets the rollback callbacks, a rollback the commit ones.
  if (point == TransactionPoint::BeforeCommit) {
    lists[2].clear();
    lists[3].clear();
  } else if (point == TransactionPoint::BeforeRollback) {
    lists[0].clear();
    lists[1].clear();
  }
  // CallbackManager.run: first in, first run, each removed before it runs
  // (a callback may add more).
  while (!lists[p].empty()) {
    Value fn = lists[p].front();
    lists[p].erase(lists[p].begin());
    Value r = call(I, fn, nullptr, 0, nullptr);
    if (r.is_exc()) return false;
    decref(r);
  }
  return true;
}

bool end_transaction(Isolate& I, RunState& run, bool commit) {
  auto before = commit ? TransactionPoint::BeforeCommit : TransactionPoint::BeforeRollback;
  auto after = commit ? TransactionPoint::AfterCommit : TransactionPoint::AfterRollback;
  if (!run_transaction_callbacks(I, run, before)) return false;
  Value r = guarded(I, [&]() -> Value {
    (commit ? run.request.commit : run.request.rollback)();
    return Value::none();
  });
  return !r.is_exc() && run_transaction_callbacks(I, run, after);
}

bool run_pending_transaction_callbacks(Isolate& I, RunState& run) {
  if (run.depth > 0 || !has_own_transaction(run)) return true;
  bool waiting = false;
  for (const auto& list : run.transaction_callbacks) waiting = waiting || !list.empty();
  if (!waiting) return true;
  return end_transaction(I, run, run.request.commits_at_end);
}

void add_transaction_callbacks(Type* db, bool with_commit) {
  host::define_class_attr(db, kNames[0], Value::object(manager_type<0>()));
  host::define_class_attr(db, kNames[1], Value::object(manager_type<1>()));
  host::define_class_attr(db, kNames[2], Value::object(manager_type<2>()));
  host::define_class_attr(db, kNames[3], Value::object(manager_type<3>()));
  if (with_commit) host::define_method(db, "add_index", db_add_index);
}

}  // namespace quire::scripting
