#pragma once
// frappe.db.before_commit, after_commit, before_rollback, after_rollback
// (Frappe's CallbackManager: add(fn), run(), reset()) and frappe.db.add_index.
//
// A callback is a function of the script, which lives as long as the
// script's run: quire runs them at the script's own frappe.db.commit() and
// frappe.db.rollback() (API and Scheduler Event scripts), in Frappe's order
// (database.py: commit drops the rollback callbacks, runs before_commit,
// commits, runs after_commit; rollback the other way round), and when the
// run ends at the commit or rollback of the request or job that owns the
// transaction (run_pending_transaction_callbacks: a POST or a scheduled job
// commits, a GET rolls back, as app.py's sync_database). Where that cannot
// happen add() raises instead of keeping a callback that could never run: a
// script without a transaction of its own (DocType Event, Permission Query
// scripts) and a nested run (frappe.call, run_script: its functions live in
// its own isolate, gone before its caller's transaction ends; Frappe has one
// list for the request). A run that fails drops its callbacks (Frappe would
// run the rollback ones).

#include "lang/object/runtime.h"
#include "scripting/run_state.h"

namespace quire::scripting {

enum class TransactionPoint { BeforeCommit, AfterCommit, BeforeRollback, AfterRollback };

// Runs (and removes) the callbacks of `point` for the run's transaction;
// false with the callback's exception pending when one raises.
bool run_transaction_callbacks(lang::Isolate& I, RunState& run, TransactionPoint point);

// Commits (or rolls back) the run's transaction with its callbacks in
// database.py's order; false with an exception pending when one raises.
bool end_transaction(lang::Isolate& I, RunState& run, bool commit);

// At the end of an outermost run that succeeded: callbacks still waiting run
// around the commit or rollback that ends its transaction (where Frappe's
// request or job runs them), while their functions live. Nothing to do
// (true) when none wait.
bool run_pending_transaction_callbacks(lang::Isolate& I, RunState& run);

// Adds the four managers (and add_index where `with_commit`) to a frappe.db namespace.
void add_transaction_callbacks(lang::Type* db, bool with_commit);

}  // namespace quire::scripting
