#pragma once
// frappe.db.before_commit, after_commit, before_rollback, after_rollback
// (Frappe's CallbackManager: add(fn), run(), reset()) and frappe.db.add_index.
//
// A callback is a function of the script, which lives as long as the
// script's run: quire runs them at the script's own frappe.db.commit() and
// frappe.db.rollback() (API and Scheduler Event scripts), in Frappe's order
// (database.py: commit drops the rollback callbacks, runs before_commit,
// commits, runs after_commit; rollback the other way round). Each run keeps
// its own callbacks (a nested run's functions live in its own isolate, gone
// when it ends; Frappe has one list for the request). Callbacks still waiting
// when the run ends are dropped with it. Where the script has no commit of its own (DocType
// Event, Permission Query scripts), add() raises instead of keeping a
// callback that could never run.

#include "lang/object/runtime.h"
#include "scripting/run_state.h"

namespace quire::scripting {

enum class TransactionPoint { BeforeCommit, AfterCommit, BeforeRollback, AfterRollback };

// Runs (and removes) the callbacks of `point` for the run's transaction;
// false with the callback's exception pending when one raises.
bool run_transaction_callbacks(lang::Isolate& I, RunState& run, TransactionPoint point);

// Adds the four managers (and add_index where `with_commit`) to a frappe.db namespace.
void add_transaction_callbacks(lang::Type* db, bool with_commit);

}  // namespace quire::scripting
