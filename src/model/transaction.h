#pragma once

#include "model/session.h"

namespace quire::model {

// One unit of work, nestable. The outermost opens the transaction and commits
// it; inner ones are savepoints. Leaving the scope without commit() (an
// exception) rolls back everything since the matching begin, so an error in
// any hook leaves no trace, documents inserted by hooks included.
class Transaction {
 public:
  explicit Transaction(Session& session);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();

 private:
  void rollback() noexcept;
  Session& session_;
  bool outermost_;
  bool done_ = false;
  std::string savepoint_;
  size_t commit_mark_ = 0;
  size_t rollback_mark_ = 0;
};

}  // namespace quire::model
