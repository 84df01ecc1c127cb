#include "model/transaction.h"

namespace quire::model {

Transaction::Transaction(Session& session)
    : session_(session), outermost_(session.transaction_depth == 0) {
  commit_mark_ = session_.after_commit.size();
  rollback_mark_ = session_.after_rollback.size();
  if (outermost_) {
    session_.db.begin();
  } else {
    // Named by depth, not by a counter: savepoints nest strictly, and SQLite
    // resolves a name to the innermost savepoint holding it, so a name per
    // level is enough, and the statement texts repeat (the connection keeps
    // them prepared) instead of being new for every document.
    ++session_.savepoint_counter;
    savepoint_ = "quire_sp_" + std::to_string(session_.transaction_depth);
    session_.db.execute("SAVEPOINT " + savepoint_);
  }
  ++session_.transaction_depth;
}

void Transaction::commit() {
  if (done_) return;
  if (outermost_) {
    session_.db.commit();
  } else {
    session_.db.execute("RELEASE " + savepoint_);
  }
  done_ = true;
  --session_.transaction_depth;
  if (outermost_) {
    auto callbacks = std::move(session_.after_commit);
    session_.after_commit.clear();
    session_.after_rollback.clear();
    for (auto& callback : callbacks) callback();
  }
}

void Transaction::rollback() noexcept {
  try {
    if (outermost_) {
      session_.db.rollback();
    } else {
      session_.db.execute("ROLLBACK TO " + savepoint_);
      session_.db.execute("RELEASE " + savepoint_);
    }
  } catch (...) {
    // Nothing more can be done while unwinding; the outer scope rolls back.
  }
  --session_.transaction_depth;
  // Callbacks registered inside this scope belong to work that is now undone.
  std::vector<std::function<void()>> undo(
      session_.after_rollback.begin() + static_cast<long>(rollback_mark_),
      session_.after_rollback.end());
  session_.after_rollback.resize(rollback_mark_);
  session_.after_commit.resize(commit_mark_);
  for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
    try {
      (*it)();
    } catch (...) {
    }
  }
}

Transaction::~Transaction() {
  if (!done_) rollback();
}

}  // namespace quire::model
