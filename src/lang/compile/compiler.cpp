// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/compile/compiler.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "lang/compile/scope.h"
#include "lang/object/runtime.h"
#include "lang/syntax/parser.h"

namespace quire::lang {

namespace {

// AST names shadow the runtime's object types (Tuple, List, ...) in this file.
using syntax::Alias;
using syntax::Arg;
using syntax::Arguments;
using syntax::Comprehension;
using syntax::Dict;
using syntax::ExceptHandler;
using syntax::Expr;
using syntax::ExprKind;
using syntax::ExprList;
using syntax::Keyword;
using syntax::List;
using syntax::Located;
using syntax::Module;
using syntax::Set;
using syntax::Slice;
using syntax::Stmt;
using syntax::StmtKind;
using syntax::StmtList;
using syntax::Tuple;
using syntax::WithItem;
using namespace syntax;

struct CompileError {
  std::string message;
  int line;
  int col;
};

// What break/continue/return must undo when leaving a statement early.
struct FBlock {
  enum Kind { WhileLoop, ForLoop, TrySetup, FinallySetup, HandlerBody, FinallyHandler, WithBody };
  Kind kind;
  int continue_label = -1;
  int break_label = -1;
  const StmtList* finalbody = nullptr;
  const std::string* handler_name = nullptr;
};

class CodeGen {
 public:
  CodeGen(Program& program, ScopeTable& scopes) : program_(program), scopes_(scopes) {}

  Code* compile_module(const Module& m) {
    Code* code = begin_code(scopes_.module(), "<module>", "<module>");
    stmts(m.body);
    emit(LOAD_CONST, const_none());
    emit(RETURN_VALUE);
    finish_code();
    return code;
  }

  int global_slot(const std::string& name) {
    auto it = global_index_.find(name);
    if (it != global_index_.end()) return it->second;
    int slot = static_cast<int>(program_.global_names.size());
    program_.global_names.push_back(name);
    program_.global_builtin.push_back(builtin_index(name));
    global_index_[name] = slot;
    return slot;
  }

 private:
  struct Unit {
    Code* code;
    Scope* scope;
    std::map<std::string, int> slots;
    std::vector<int> label_pos;
    std::vector<std::pair<std::size_t, int>> patches;  // (instruction, label)
    std::vector<FBlock> fblocks;
    std::map<std::string, int> str_consts;
    std::map<std::string, int> name_index;
    Position loc{1, 1, -1, -1};  // of the node being compiled (CPython's SET_LOC)
    PositionTableWriter positions;
    std::string qualprefix;
  };

  Program& program_;
  ScopeTable& scopes_;
  std::unordered_map<std::string, int> global_index_;
  std::vector<std::unique_ptr<Unit>> units_;
  Unit* u_ = nullptr;

  [[noreturn]] void fail(const std::string& message, const Located* at) {
    throw CompileError{message, at ? at->lineno : u_->loc.line, at ? at->col_offset : 0};
  }

  // ------------------------------------------------------------ code units

  Code* begin_code(Scope* scope, const std::string& name, const std::string& qualname) {
    auto owned = std::make_unique<Code>();
    Code* code = owned.get();
    code->name = name;
    code->qualname = qualname;
    code->program = &program_;
    program_.codes.push_back(std::move(owned));
    auto unit = std::make_unique<Unit>();
    unit->code = code;
    unit->scope = scope;
    if (u_) unit->loc = u_->loc;
    if (scope->kind == ScopeKind::Function || scope->kind == ScopeKind::Comprehension) {
      code->is_generator = scope->is_generator;
      for (auto& p : scope->params) add_slot(*unit, p);
      for (auto& n : scope->assigned_order)
        if (!scope->globals.count(n) && !scope->nonlocals.count(n)) add_slot(*unit, n);
      for (auto& n : scope->cells) code->cell_slots.push_back(unit->slots[n]);
      code->free_start = static_cast<int>(code->local_names.size());
      for (auto& n : scope->free_order) add_slot(*unit, n);
      code->nfree = static_cast<int>(scope->free_order.size());
    } else if (scope->kind == ScopeKind::Class) {
      code->is_class_body = true;
      add_slot(*unit, ".namespace");
      code->free_start = 1;
      for (auto& n : scope->free_order) add_slot(*unit, n);
      code->nfree = static_cast<int>(scope->free_order.size());
    }
    code->nlocals = static_cast<int>(code->local_names.size());
    units_.push_back(std::move(unit));
    u_ = units_.back().get();
    return code;
  }

  void add_slot(Unit& unit, const std::string& name) {
    if (unit.slots.count(name)) return;
    unit.slots[name] = static_cast<int>(unit.code->local_names.size());
    unit.code->local_names.push_back(name);
  }

  void finish_code() {
    Code* code = u_->code;
    code->nlocals = static_cast<int>(code->local_names.size());
    for (auto& [at, label] : u_->patches) {
      std::uint32_t word = code->ops[at];
      code->ops[at] = encode(op_of(word), static_cast<std::uint32_t>(u_->label_pos[label]));
    }
    code->positions = u_->positions.finish();
    compute_stack_size(code);
    units_.pop_back();
    u_ = units_.empty() ? nullptr : units_.back().get();
  }

  // ------------------------------------------------------------ emission

  // Instructions emitted next come from node `n` (for tracebacks).
  void set_loc(const Located* n) {
    u_->loc = Position{n->lineno, n->end_lineno, n->col_offset, n->end_col_offset};
  }
  // CPython 3.11's update_start_location_to_match_attr: an attribute on a later
  // line than where its expression starts is located at the attribute's name.
  // A call (CPython 3.11: a method call's start moves like its attribute's).
  void set_call_loc(const Call* c, const Attribute* method) {
    set_loc(c);
    if (method) set_attr_loc(method);
  }
  void set_attr_loc(const Attribute* a) {
    if (u_->loc.line == a->end_lineno) return;
    u_->loc.line = a->end_lineno;
    int len = static_cast<int>(a->attr.size());
    if (len <= a->end_col_offset) {
      u_->loc.col = a->end_col_offset - len;
    } else {
      u_->loc.col = u_->loc.end_col = -1;
    }
    u_->loc.end_line = std::max(u_->loc.line, u_->loc.end_line);
    if (u_->loc.line == u_->loc.end_line) u_->loc.end_col = std::max(u_->loc.col, u_->loc.end_col);
  }

  std::size_t emit(Op op, std::uint32_t arg = 0) {
    if (arg >= (1u << 24)) fail("program too large", nullptr);
    u_->code->ops.push_back(encode(op, arg));
    u_->code->lines.push_back(u_->loc.line);
    u_->positions.add(u_->loc);
    return u_->code->ops.size() - 1;
  }
  int new_label() {
    u_->label_pos.push_back(-1);
    return static_cast<int>(u_->label_pos.size() - 1);
  }
  void bind(int label) { u_->label_pos[label] = static_cast<int>(u_->code->ops.size()); }
  void emit_jump(Op op, int label) { u_->patches.push_back({emit(op, 0), label}); }

  int add_const(Value v) {
    u_->code->consts.push_back(v);
    return static_cast<int>(u_->code->consts.size() - 1);
  }
  int const_none() { return add_const(Value::none()); }
  int const_str(const std::string& s) {
    auto it = u_->str_consts.find(s);
    if (it != u_->str_consts.end()) return it->second;
    int k = add_const(Value::object(immortal_str(s, &program_.constants)));
    u_->str_consts[s] = k;
    return k;
  }
  int name_idx(const std::string& s) {
    auto it = u_->name_index.find(s);
    if (it != u_->name_index.end()) return it->second;
    u_->code->names.push_back(immortal_str(s, &program_.constants));
    int k = static_cast<int>(u_->code->names.size() - 1);
    u_->name_index[s] = k;
    return k;
  }

  // ------------------------------------------------------------ names

  void load_name(const std::string& n) {
    switch (u_->scope->resolve(n)) {
      case NameKind::Local:
        emit(LOAD_FAST, u_->slots.at(n));
        break;
      case NameKind::Cell:
      case NameKind::Free:
        emit(LOAD_DEREF, u_->slots.at(n));
        break;
      case NameKind::Global:
        emit(LOAD_GLOBAL, global_slot(n));
        break;
      case NameKind::ClassName:
        global_slot(n);
        emit(LOAD_NAME, name_idx(n));
        break;
    }
  }
  void store_name(const std::string& n) {
    switch (u_->scope->resolve(n)) {
      case NameKind::Local:
        emit(STORE_FAST, u_->slots.at(n));
        break;
      case NameKind::Cell:
      case NameKind::Free:
        emit(STORE_DEREF, u_->slots.at(n));
        break;
      case NameKind::Global:
        emit(STORE_GLOBAL, global_slot(n));
        break;
      case NameKind::ClassName:
        emit(STORE_NAME, name_idx(n));
        break;
    }
  }
  void delete_name(const std::string& n) {
    switch (u_->scope->resolve(n)) {
      case NameKind::Local:
        emit(DELETE_FAST, u_->slots.at(n));
        break;
      case NameKind::Cell:
      case NameKind::Free:
        emit(DELETE_DEREF, u_->slots.at(n));
        break;
      case NameKind::Global:
        emit(DELETE_GLOBAL, global_slot(n));
        break;
      case NameKind::ClassName:
        fail("'del' of a class attribute name is not supported", nullptr);
    }
  }

  // ------------------------------------------------------------ statements

  void stmts(const StmtList& list) {
    for (Stmt* s : list) stmt(s);
  }

  void stmt(Stmt* s) {
    set_loc(s);
    switch (s->kind) {
      case StmtKind::FunctionDef: {
        auto* f = s->as<FunctionDef>();
        for (Expr* d : f->decorator_list) expr(d);
        make_function(f, f->name, f->args, &f->body, nullptr);
        apply_decorators(f->decorator_list);
        store_name(f->name);
        break;
      }
      case StmtKind::ClassDef:
        class_def(s->as<ClassDef>());
        break;
      case StmtKind::Return: {
        auto* r = s->as<Return>();
        if (u_->scope->kind == ScopeKind::Module || u_->scope->kind == ScopeKind::Class)
          fail("'return' outside function", s);
        if (r->value) {
          expr(r->value);
        } else {
          emit(LOAD_CONST, const_none());
        }
        unwind_fblocks(true, -1);
        emit(RETURN_VALUE);
        break;
      }
      case StmtKind::Delete:
        for (Expr* t : s->as<Delete>()->targets) delete_target(t);
        break;
      case StmtKind::Assign: {
        auto* a = s->as<Assign>();
        expr(a->value);
        for (std::size_t i = 0; i < a->targets.size(); ++i) {
          if (i + 1 < a->targets.size()) emit(DUP_TOP);
          store_target(a->targets[i]);
        }
        break;
      }
      case StmtKind::AugAssign:
        aug_assign(s->as<AugAssign>());
        break;
      case StmtKind::AnnAssign: {
        auto* a = s->as<AnnAssign>();
        if (a->value) {
          expr(a->value);
          store_target(a->target);
        } else if (!a->target->as<Name>()) {
          // `obj.x: int` evaluates the object (and subscript) without assigning.
          if (auto* at = a->target->as<Attribute>()) {
            expr(at->value);
            emit(POP_TOP);
          }
        }
        break;
      }
      case StmtKind::For:
        for_stmt(s->as<For>());
        break;
      case StmtKind::While:
        while_stmt(s->as<While>());
        break;
      case StmtKind::If: {
        auto* i = s->as<If>();
        int orelse = new_label(), end = new_label();
        jump_if(i->test, false, orelse);
        stmts(i->body);
        if (!i->orelse.empty()) emit_jump(JUMP, end);
        bind(orelse);
        stmts(i->orelse);
        bind(end);
        break;
      }
      case StmtKind::With:
        with_stmt(s->as<With>(), 0);
        break;
      case StmtKind::Raise: {
        auto* r = s->as<Raise>();
        int n = 0;
        if (r->exc) {
          expr(r->exc);
          ++n;
          if (r->cause) {
            expr(r->cause);
            ++n;
          }
        }
        set_loc(s);
        emit(RAISE_VARARGS, n);
        break;
      }
      case StmtKind::Try:
        try_stmt(s->as<Try>());
        break;
      case StmtKind::Assert: {
        auto* a = s->as<Assert>();
        int end = new_label();
        jump_if(a->test, true, end);
        emit(LOAD_ASSERTION_ERROR);
        // CPython 3.11 raises at the test's last comparison, if it ends in one.
        if (const Expr* compare = final_comparison(a->test)) set_loc(compare);
        if (a->msg) {
          expr(a->msg);
          emit(CALL, 1);
        }
        emit(RAISE_VARARGS, 1);
        bind(end);
        break;
      }
      case StmtKind::Import:
        for (Alias* a : s->as<Import>()->names) {
          if (a->asname) {
            emit(IMPORT_NAME, name_idx(a->name));
            store_name(*a->asname);
          } else {
            std::string top = a->name.substr(0, a->name.find('.'));
            emit(IMPORT_NAME, name_idx(a->name == top ? top : a->name));
            if (a->name != top) fail("dotted 'import " + a->name + "' needs 'as'", s);
            store_name(top);
          }
        }
        break;
      case StmtKind::ImportFrom: {
        auto* f = s->as<ImportFrom>();
        if (f->level > 0 || !f->module) fail("relative imports are not supported", s);
        emit(IMPORT_NAME, name_idx(*f->module));
        for (Alias* a : f->names) {
          emit(IMPORT_FROM, name_idx(a->name));
          store_name(a->asname ? *a->asname : a->name);
        }
        emit(POP_TOP);
        break;
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal:
      case StmtKind::Pass:
        break;
      case StmtKind::Expr:
        expr(s->as<ExprStmt>()->value);
        emit(POP_TOP);
        break;
      case StmtKind::Break:
      case StmtKind::Continue: {
        bool is_break = s->kind == StmtKind::Break;
        int loop = innermost_loop();
        if (loop < 0)
          fail(is_break ? "'break' outside loop" : "'continue' not properly in loop", s);
        FBlock target = u_->fblocks[loop];
        unwind_fblocks(false, loop, is_break);
        emit_jump(JUMP, is_break ? target.break_label : target.continue_label);
        break;
      }
    }
  }

  int innermost_loop() const {
    for (int i = static_cast<int>(u_->fblocks.size()) - 1; i >= 0; --i) {
      auto k = u_->fblocks[i].kind;
      if (k == FBlock::WhileLoop || k == FBlock::ForLoop) return i;
    }
    return -1;
  }

  // Emits the cleanup for leaving every fblock above `stop` (exclusive; -1 for
  // all). With `preserve_tos` the value on top (a return value) stays on top.
  // For `break` the loop's own fblock is also left (a for loop pops its iterator).
  void unwind_fblocks(bool preserve_tos, int stop, bool leaving_loop = false) {
    std::vector<FBlock> saved = u_->fblocks;
    for (int i = static_cast<int>(saved.size()) - 1; i > stop; --i) {
      FBlock b = saved[i];
      u_->fblocks.resize(i);  // a finally body compiled here sees only the outer blocks
      unwind_one(b, preserve_tos);
    }
    if (leaving_loop && stop >= 0 && saved[stop].kind == FBlock::ForLoop) emit(POP_TOP);
    if (stop < 0 && preserve_tos) {
      // Returning: for loops below the innermost unwound block pop their iterator too.
    }
    u_->fblocks = saved;
  }

  void unwind_one(const FBlock& b, bool preserve_tos) {
    switch (b.kind) {
      case FBlock::WhileLoop:
        break;
      case FBlock::ForLoop:
        if (preserve_tos) emit(ROT_TWO);
        emit(POP_TOP);
        break;
      case FBlock::TrySetup:
        emit(POP_BLOCK);
        break;
      case FBlock::FinallySetup:
        emit(POP_BLOCK);
        stmts(*b.finalbody);
        break;
      case FBlock::HandlerBody:
        emit(POP_EXCEPT);
        if (b.handler_name) {
          emit(LOAD_CONST, const_none());
          store_name(*b.handler_name);
          delete_name(*b.handler_name);
        }
        break;
      case FBlock::FinallyHandler:
        emit(POP_EXCEPT);
        if (preserve_tos) emit(ROT_TWO);
        emit(POP_TOP);
        break;
      case FBlock::WithBody:
        emit(POP_BLOCK);
        if (preserve_tos) emit(ROT_TWO);
        emit(WITH_EXIT, 0);
        break;
    }
  }

  void for_stmt(For* f) {
    int start = new_label(), cleanup = new_label(), end = new_label();
    expr(f->iter);
    emit(GET_ITER);
    bind(start);
    set_loc(f);
    emit_jump(FOR_ITER, cleanup);
    store_target(f->target);
    u_->fblocks.push_back({FBlock::ForLoop, start, end});
    stmts(f->body);
    u_->fblocks.pop_back();
    set_loc(f);
    emit_jump(JUMP, start);
    bind(cleanup);
    stmts(f->orelse);
    bind(end);
  }

  void while_stmt(While* w) {
    int start = new_label(), orelse = new_label(), end = new_label();
    bind(start);
    jump_if(w->test, false, orelse);
    u_->fblocks.push_back({FBlock::WhileLoop, start, end});
    stmts(w->body);
    u_->fblocks.pop_back();
    emit_jump(JUMP, start);
    bind(orelse);
    stmts(w->orelse);
    bind(end);
  }

  void try_stmt(Try* t) {
    if (!t->finalbody.empty()) {
      int handler = new_label(), end = new_label();
      emit_jump(SETUP_FINALLY, handler);
      FBlock fb{FBlock::FinallySetup};
      fb.finalbody = &t->finalbody;
      u_->fblocks.push_back(fb);
      if (t->handlers.empty()) {
        stmts(t->body);
      } else {
        try_except(t);
      }
      u_->fblocks.pop_back();
      emit(POP_BLOCK);
      stmts(t->finalbody);
      emit_jump(JUMP, end);
      bind(handler);
      u_->fblocks.push_back({FBlock::FinallyHandler});
      stmts(t->finalbody);
      u_->fblocks.pop_back();
      emit(RERAISE);
      bind(end);
    } else {
      try_except(t);
    }
  }

  void try_except(Try* t) {
    int handler = new_label(), end = new_label();
    emit_jump(SETUP_FINALLY, handler);
    u_->fblocks.push_back({FBlock::TrySetup});
    stmts(t->body);
    u_->fblocks.pop_back();
    emit(POP_BLOCK);
    stmts(t->orelse);
    emit_jump(JUMP, end);
    bind(handler);
    for (ExceptHandler* h : t->handlers) {
      set_loc(h);
      int next = new_label();
      if (h->type) {
        emit(DUP_TOP);
        expr(h->type);
        emit_jump(JUMP_IF_NOT_EXC_MATCH, next);
      }
      if (h->name) {
        store_name(*h->name);
      } else {
        emit(POP_TOP);
      }
      FBlock hb{FBlock::HandlerBody};
      hb.handler_name = h->name ? &*h->name : nullptr;
      u_->fblocks.push_back(hb);
      stmts(h->body);
      u_->fblocks.pop_back();
      emit(POP_EXCEPT);
      if (h->name) {
        emit(LOAD_CONST, const_none());
        store_name(*h->name);
        delete_name(*h->name);
      }
      emit_jump(JUMP, end);
      bind(next);
    }
    emit(RERAISE);
    bind(end);
  }

  void with_stmt(With* w, std::size_t item) {
    if (item == w->items.size()) {
      stmts(w->body);
      return;
    }
    WithItem* it = w->items[item];
    int handler = new_label(), end = new_label(), swallow = new_label();
    expr(it->context_expr);
    set_loc(w);
    emit_jump(SETUP_WITH, handler);
    if (it->optional_vars) {
      store_target(it->optional_vars);
    } else {
      emit(POP_TOP);
    }
    u_->fblocks.push_back({FBlock::WithBody});
    with_stmt(w, item + 1);
    u_->fblocks.pop_back();
    emit(POP_BLOCK);
    set_loc(w);
    emit(WITH_EXIT, 0);
    emit_jump(JUMP, end);
    bind(handler);
    emit(WITH_EXIT, 1);
    emit_jump(POP_JUMP_IF_TRUE, swallow);
    emit(RERAISE);
    bind(swallow);
    emit(POP_TOP);
    emit(POP_TOP);
    emit(POP_EXCEPT);
    bind(end);
  }

  // Located as CPython 3.11's compiler_augassign: loading and storing the
  // target at the target, the operation itself at the whole statement.
  void aug_assign(AugAssign* a) {
    int op = static_cast<int>(a->op);
    Position statement = u_->loc;
    set_loc(a->target);
    if (auto* n = a->target->as<Name>()) {
      load_name(n->id);
      u_->loc = statement;
      expr(a->value);
      emit(INPLACE, op);
      set_loc(a->target);
      store_name(n->id);
    } else if (auto* at = a->target->as<Attribute>()) {
      expr(at->value);
      emit(DUP_TOP);
      set_attr_loc(at);
      emit(LOAD_ATTR, name_idx(at->attr));
      u_->loc = statement;
      expr(a->value);
      emit(INPLACE, op);
      set_loc(a->target);
      set_attr_loc(at);
      emit(ROT_TWO);
      emit(STORE_ATTR, name_idx(at->attr));
    } else if (auto* sub = a->target->as<Subscript>()) {
      expr(sub->value);
      expr(sub->slice);
      emit(DUP_TOP_TWO);
      emit(SUBSCR);
      u_->loc = statement;
      expr(a->value);
      emit(INPLACE, op);
      set_loc(a->target);
      emit(ROT_THREE);
      emit(STORE_SUBSCR);
    } else {
      fail("'" + std::string("expression") + "' is an illegal expression for augmented assignment",
           a->target);
    }
    u_->loc = statement;
  }

  // Stores (and unpacks) are located at their target, as in CPython.
  void store_target(Expr* t) {
    Position saved = u_->loc;
    set_loc(t);
    store_target_here(t);
    u_->loc = saved;
  }

  void store_target_here(Expr* t) {
    switch (t->kind) {
      case ExprKind::Name:
        store_name(t->as<Name>()->id);
        break;
      case ExprKind::Attribute:
        expr(t->as<Attribute>()->value);
        set_attr_loc(t->as<Attribute>());
        emit(STORE_ATTR, name_idx(t->as<Attribute>()->attr));
        break;
      case ExprKind::Subscript:
        expr(t->as<Subscript>()->value);
        expr(t->as<Subscript>()->slice);
        emit(STORE_SUBSCR);
        break;
      case ExprKind::Tuple:
      case ExprKind::List: {
        const ExprList& elts =
            t->kind == ExprKind::Tuple ? t->as<Tuple>()->elts : t->as<List>()->elts;
        int star = -1;
        for (std::size_t i = 0; i < elts.size(); ++i) {
          if (elts[i]->kind == ExprKind::Starred) {
            if (star >= 0) fail("multiple starred expressions in assignment", t);
            star = static_cast<int>(i);
          }
        }
        if (star < 0) {
          emit(UNPACK_SEQUENCE, static_cast<std::uint32_t>(elts.size()));
        } else {
          std::uint32_t before = star, after = static_cast<std::uint32_t>(elts.size()) - star - 1;
          emit(UNPACK_EX, before | (after << 12));
        }
        for (Expr* e : elts) {
          store_target(e->kind == ExprKind::Starred ? e->as<Starred>()->value : e);
        }
        break;
      }
      case ExprKind::Starred:
        fail("starred assignment target must be in a list or tuple", t);
      default:
        fail("cannot assign to expression", t);
    }
  }

  void delete_target(Expr* t) {
    Position saved = u_->loc;
    set_loc(t);
    delete_target_here(t);
    u_->loc = saved;
  }

  void delete_target_here(Expr* t) {
    switch (t->kind) {
      case ExprKind::Name:
        delete_name(t->as<Name>()->id);
        break;
      case ExprKind::Attribute:
        expr(t->as<Attribute>()->value);
        emit(DELETE_ATTR, name_idx(t->as<Attribute>()->attr));
        break;
      case ExprKind::Subscript:
        expr(t->as<Subscript>()->value);
        expr(t->as<Subscript>()->slice);
        emit(DELETE_SUBSCR);
        break;
      case ExprKind::Tuple:
        for (Expr* e : t->as<Tuple>()->elts) delete_target(e);
        break;
      case ExprKind::List:
        for (Expr* e : t->as<List>()->elts) delete_target(e);
        break;
      default:
        fail("cannot delete expression", t);
    }
  }

  // ------------------------------------------------------------ functions and classes

  // Calls the decorators on the value on top, innermost first, each call
  // located at its decorator (as CPython 3.11).
  void apply_decorators(const ExprList& decorators) {
    for (std::size_t i = decorators.size(); i-- > 0;) {
      set_loc(decorators[i]);
      emit(CALL, 1);
    }
  }

  int code_index(const Code* code) {
    for (std::size_t i = 0; i < program_.codes.size(); ++i)
      if (program_.codes[i].get() == code) return static_cast<int>(i);
    return -1;
  }

  // Compiles a function body into a new code object and emits MAKE_FUNCTION.
  void make_function(const void* node, const std::string& name, Arguments* args,
                     const StmtList* body, Expr* lambda_body) {
    std::uint32_t flags = 0;
    if (!args->defaults.empty()) {
      for (Expr* d : args->defaults) expr(d);
      emit(BUILD_TUPLE, static_cast<std::uint32_t>(args->defaults.size()));
      flags |= kFnDefaults;
    }
    int nkw = 0;
    for (std::size_t i = 0; i < args->kwonlyargs.size(); ++i) {
      if (!args->kw_defaults[i]) continue;
      emit(LOAD_CONST, const_str(args->kwonlyargs[i]->arg));
      expr(args->kw_defaults[i]);
      ++nkw;
    }
    if (nkw) {
      emit(BUILD_MAP, nkw);
      flags |= kFnKwDefaults;
    }
    Scope* scope = scopes_.of(node);
    if (!scope->free_order.empty()) {
      for (auto& n : scope->free_order) emit(LOAD_FAST, u_->slots.at(n));
      emit(BUILD_TUPLE, static_cast<std::uint32_t>(scope->free_order.size()));
      flags |= kFnClosure;
    }
    std::string qual = u_->qualprefix + name;
    Position line = u_->loc;
    Code* code = begin_code(scope, name, qual);
    u_->qualprefix = qual + ".<locals>.";
    u_->loc = line;
    code->nposonly = static_cast<int>(args->posonlyargs.size());
    code->nargs = static_cast<int>(args->posonlyargs.size() + args->args.size());
    code->nkwonly = static_cast<int>(args->kwonlyargs.size());
    code->has_varargs = args->vararg != nullptr;
    code->has_varkw = args->kwarg != nullptr;
    if (body) {
      stmts(*body);
      emit(LOAD_CONST, const_none());
      emit(RETURN_VALUE);
    } else {
      expr(lambda_body);
      emit(RETURN_VALUE);
    }
    finish_code();
    emit(MAKE_FUNCTION, (static_cast<std::uint32_t>(code_index(code)) << 3) | flags);
  }

  void class_def(ClassDef* c) {
    if (!c->keywords.empty()) fail("class keywords (metaclass=...) are not supported", c);
    if (c->bases.size() > 1) fail("multiple inheritance is not supported", c);
    for (Expr* d : c->decorator_list) expr(d);
    Scope* scope = scopes_.of(c);
    std::uint32_t flags = 0;
    if (!scope->free_order.empty()) {
      for (auto& n : scope->free_order) emit(LOAD_FAST, u_->slots.at(n));
      emit(BUILD_TUPLE, static_cast<std::uint32_t>(scope->free_order.size()));
      flags |= kFnClosure;
    }
    std::string qual = u_->qualprefix + c->name;
    Position line = u_->loc;
    Code* code = begin_code(scope, c->name, qual);
    u_->qualprefix = qual + ".";
    u_->loc = line;
    code->nargs = 1;  // the namespace dict
    stmts(c->body);
    emit(LOAD_CONST, const_none());
    emit(RETURN_VALUE);
    finish_code();
    emit(MAKE_FUNCTION, (static_cast<std::uint32_t>(code_index(code)) << 3) | flags);
    emit(LOAD_CONST, const_str(c->name));
    for (Expr* b : c->bases) expr(b);
    emit(BUILD_CLASS, static_cast<std::uint32_t>(c->bases.size()));
    apply_decorators(c->decorator_list);
    store_name(c->name);
  }

  // ------------------------------------------------------------ expressions

  // The comparison a condition's jumps end on (the last operand of and/or,
  // through `not`), or null: what CPython 3.11 leaves as the current location.
  static const Expr* final_comparison(const Expr* e) {
    if (auto* u = e->as<UnaryOp>(); u && u->op == UnaryOpKind::Not)
      return final_comparison(u->operand);
    if (auto* b = e->as<BoolOp>()) return final_comparison(b->values.back());
    return e->kind == ExprKind::Compare ? e : nullptr;
  }

  void jump_if(Expr* e, bool when, int label) {
    if (auto* u = e->as<UnaryOp>(); u && u->op == UnaryOpKind::Not) {
      jump_if(u->operand, !when, label);
      return;
    }
    if (auto* b = e->as<BoolOp>()) {
      bool is_and = b->op == BoolOpKind::And;
      if (is_and != when) {
        // (a and b) false-jump / (a or b) true-jump: any operand decides.
        for (Expr* v : b->values) jump_if(v, when, label);
      } else {
        int skip = new_label();
        for (std::size_t i = 0; i + 1 < b->values.size(); ++i) jump_if(b->values[i], !when, skip);
        jump_if(b->values.back(), when, label);
        bind(skip);
      }
      return;
    }
    expr(e);
    emit_jump(when ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, label);
  }

  void constant(Constant* c) {
    switch (c->value_kind) {
      case ConstantKind::None:
        emit(LOAD_CONST, const_none());
        break;
      case ConstantKind::True:
        emit(LOAD_CONST, add_const(Value::boolean(true)));
        break;
      case ConstantKind::False:
        emit(LOAD_CONST, add_const(Value::boolean(false)));
        break;
      case ConstantKind::Ellipsis:
        emit(LOAD_CONST, add_const(ellipsis_value()));
        break;
      case ConstantKind::Int:
        if (c->int_is_big) {
          emit(LOAD_CONST, add_const(immortal_bigint(c->text, &program_.constants)));
        } else {
          emit(LOAD_CONST, add_const(Value::integer(c->int_value)));
        }
        break;
      case ConstantKind::Float:
        emit(LOAD_CONST, add_const(Value::real(c->float_value)));
        break;
      case ConstantKind::Str:
        emit(LOAD_CONST, const_str(c->text));
        break;
      case ConstantKind::Bytes:
        emit(LOAD_CONST, add_const(immortal_bytes(c->text, &program_.constants)));
        break;
    }
  }

  void expr(Expr* e) {
    Position saved = u_->loc;
    set_loc(e);
    expr_inner(e);
    u_->loc = saved;
  }

  void expr_inner(Expr* e) {
    switch (e->kind) {
      case ExprKind::BoolOp: {
        auto* b = e->as<BoolOp>();
        int end = new_label();
        for (std::size_t i = 0; i < b->values.size(); ++i) {
          expr(b->values[i]);
          if (i + 1 < b->values.size())
            emit_jump(b->op == BoolOpKind::And ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP, end);
        }
        bind(end);
        break;
      }
      case ExprKind::NamedExpr: {
        auto* n = e->as<NamedExpr>();
        expr(n->value);
        emit(DUP_TOP);
        store_name(n->target->as<Name>()->id);
        break;
      }
      case ExprKind::BinOp: {
        auto* b = e->as<BinOp>();
        expr(b->left);
        expr(b->right);
        emit(BINARY, static_cast<std::uint32_t>(b->op));
        break;
      }
      case ExprKind::UnaryOp: {
        auto* un = e->as<UnaryOp>();
        expr(un->operand);
        switch (un->op) {
          case UnaryOpKind::Not:
            emit(UNARY_NOT);
            break;
          case UnaryOpKind::USub:
            emit(UNARY_NEG);
            break;
          case UnaryOpKind::UAdd:
            emit(UNARY_POS);
            break;
          case UnaryOpKind::Invert:
            emit(UNARY_INVERT);
            break;
        }
        break;
      }
      case ExprKind::Lambda: {
        auto* l = e->as<Lambda>();
        make_function(l, "<lambda>", l->args, nullptr, l->body);
        break;
      }
      case ExprKind::IfExp: {
        auto* i = e->as<IfExp>();
        int orelse = new_label(), end = new_label();
        jump_if(i->test, false, orelse);
        expr(i->body);
        emit_jump(JUMP, end);
        bind(orelse);
        expr(i->orelse);
        bind(end);
        break;
      }
      case ExprKind::Dict: {
        auto* d = e->as<Dict>();
        bool has_unpack = false;
        for (Expr* k : d->keys) has_unpack |= k == nullptr;
        if (!has_unpack) {
          for (std::size_t i = 0; i < d->keys.size(); ++i) {
            expr(d->keys[i]);
            expr(d->values[i]);
          }
          emit(BUILD_MAP, static_cast<std::uint32_t>(d->keys.size()));
        } else {
          emit(BUILD_MAP, 0);
          for (std::size_t i = 0; i < d->keys.size(); ++i) {
            if (d->keys[i]) {
              expr(d->keys[i]);
              expr(d->values[i]);
              emit(MAP_ADD, 1);
            } else {
              expr(d->values[i]);
              emit(DICT_UPDATE, 1);
            }
          }
        }
        break;
      }
      case ExprKind::Set:
        sequence(e->as<Set>()->elts, BUILD_SET, SET_UPDATE, SET_ADD);
        break;
      case ExprKind::List:
        sequence(e->as<List>()->elts, BUILD_LIST, LIST_EXTEND, LIST_APPEND);
        break;
      case ExprKind::Tuple: {
        const ExprList& elts = e->as<Tuple>()->elts;
        bool star = false;
        for (Expr* x : elts) star |= x->kind == ExprKind::Starred;
        if (!star) {
          for (Expr* x : elts) expr(x);
          emit(BUILD_TUPLE, static_cast<std::uint32_t>(elts.size()));
        } else {
          sequence(elts, BUILD_LIST, LIST_EXTEND, LIST_APPEND);
          emit(LIST_TO_TUPLE);
        }
        break;
      }
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::DictComp:
      case ExprKind::GeneratorExp:
        comprehension(e);
        break;
      case ExprKind::Yield: {
        auto* y = e->as<Yield>();
        if (y->value) {
          expr(y->value);
        } else {
          emit(LOAD_CONST, const_none());
        }
        emit(YIELD_VALUE);
        break;
      }
      case ExprKind::YieldFrom: {
        // Delegation as in CPython: YIELD_FROM sends the value below it into
        // the delegate and either yields what the delegate yields (through
        // YIELD_VALUE 1, which marks the suspension point for throw()/close())
        // or, when the delegate finishes, jumps to `end` with its return value.
        int start = new_label(), end = new_label();
        expr(e->as<YieldFrom>()->value);
        emit(GET_YIELD_FROM_ITER);
        emit(LOAD_CONST, const_none());
        bind(start);
        emit_jump(YIELD_FROM, end);
        emit(YIELD_VALUE, 1);
        emit_jump(JUMP, start);
        bind(end);
        break;
      }
      case ExprKind::Compare:
        compare(e->as<Compare>());
        break;
      case ExprKind::Call:
        call(e->as<Call>());
        break;
      case ExprKind::FormattedValue: {
        auto* f = e->as<FormattedValue>();
        expr(f->value);
        std::uint32_t flags = 0;
        if (f->conversion == 's') flags = 1;
        if (f->conversion == 'r') flags = 2;
        if (f->conversion == 'a') flags = 3;
        if (f->format_spec) {
          expr(f->format_spec);
          flags |= kFmtSpec;
        }
        emit(FORMAT_VALUE, flags);
        break;
      }
      case ExprKind::JoinedStr: {
        auto* j = e->as<JoinedStr>();
        for (Expr* v : j->values) expr(v);
        if (j->values.size() != 1 || j->values[0]->kind != ExprKind::Constant)
          emit(BUILD_STRING, static_cast<std::uint32_t>(j->values.size()));
        break;
      }
      case ExprKind::Constant:
        constant(e->as<Constant>());
        break;
      case ExprKind::Attribute: {
        auto* a = e->as<Attribute>();
        expr(a->value);
        set_loc(e);
        set_attr_loc(a);
        emit(LOAD_ATTR, name_idx(a->attr));
        break;
      }
      case ExprKind::Subscript: {
        auto* s = e->as<Subscript>();
        expr(s->value);
        expr(s->slice);
        set_loc(e);
        emit(SUBSCR);
        break;
      }
      case ExprKind::Starred:
        fail("can't use starred expression here", e);
      case ExprKind::Name:
        load_name(e->as<Name>()->id);
        break;
      case ExprKind::Slice: {
        auto* s = e->as<Slice>();
        for (Expr* part : {s->lower, s->upper, s->step}) {
          if (part) {
            expr(part);
          } else {
            emit(LOAD_CONST, const_none());
          }
        }
        emit(BUILD_SLICE, 3);
        break;
      }
    }
  }

  void sequence(const ExprList& elts, Op build, Op extend, Op add, std::uint32_t extend_flags = 0) {
    bool star = false;
    for (Expr* x : elts) star |= x->kind == ExprKind::Starred;
    if (!star) {
      for (Expr* x : elts) expr(x);
      emit(build, static_cast<std::uint32_t>(elts.size()));
      return;
    }
    emit(build, 0);
    for (Expr* x : elts) {
      if (auto* s = x->as<Starred>()) {
        expr(s->value);
        emit(extend, 1 | extend_flags);
      } else {
        expr(x);
        emit(add, 1);
      }
    }
  }

  void compare(Compare* c) {
    expr(c->left);
    auto op_for = [&](CmpOpKind k) {
      switch (k) {
        case CmpOpKind::Eq:
          emit(COMPARE, kEq);
          break;
        case CmpOpKind::NotEq:
          emit(COMPARE, kNe);
          break;
        case CmpOpKind::Lt:
          emit(COMPARE, kLt);
          break;
        case CmpOpKind::LtE:
          emit(COMPARE, kLe);
          break;
        case CmpOpKind::Gt:
          emit(COMPARE, kGt);
          break;
        case CmpOpKind::GtE:
          emit(COMPARE, kGe);
          break;
        case CmpOpKind::Is:
          emit(IS, 0);
          break;
        case CmpOpKind::IsNot:
          emit(IS, 1);
          break;
        case CmpOpKind::In:
          emit(CONTAINS, 0);
          break;
        case CmpOpKind::NotIn:
          emit(CONTAINS, 1);
          break;
      }
    };
    if (c->ops.size() == 1) {
      expr(c->comparators[0]);
      set_loc(c);
      op_for(c->ops[0]);
      return;
    }
    int cleanup = new_label(), end = new_label();
    for (std::size_t i = 0; i < c->ops.size(); ++i) {
      expr(c->comparators[i]);
      if (i + 1 < c->ops.size()) {
        emit(DUP_TOP);
        emit(ROT_THREE);
        op_for(c->ops[i]);
        emit_jump(JUMP_IF_FALSE_OR_POP, cleanup);
      } else {
        op_for(c->ops[i]);
      }
    }
    emit_jump(JUMP, end);
    bind(cleanup);
    emit(ROT_TWO);
    emit(POP_TOP);
    bind(end);
  }

  void call(Call* c) {
    bool star = false, dstar = false;
    for (Expr* a : c->args) star |= a->kind == ExprKind::Starred;
    for (Keyword* k : c->keywords) dstar |= !k->arg.has_value();
    if (auto* n = c->func->as<Name>();
        n && n->id == "super" && c->args.empty() && c->keywords.empty() &&
        u_->scope->kind == ScopeKind::Function && !u_->scope->params.empty()) {
      emit(LOAD_FAST, 0);
      emit(LOAD_SUPER);
      return;
    }
    if (star || dstar) {
      expr(c->func);
      sequence(c->args, BUILD_LIST, LIST_EXTEND, LIST_APPEND, kForCall);
      emit(LIST_TO_TUPLE);
      std::uint32_t flags = 0;
      if (!c->keywords.empty()) {
        emit(BUILD_MAP, 0);
        for (Keyword* k : c->keywords) {
          if (k->arg) {
            emit(LOAD_CONST, const_str(*k->arg));
            expr(k->value);
            emit(MAP_ADD, 1);
          } else {
            expr(k->value);
            emit(DICT_MERGE, 1);
          }
        }
        flags = 1;
      }
      set_loc(c);
      emit(CALL_EX, flags);
      return;
    }
    bool method = false;
    const Attribute* method_attr = c->func->as<Attribute>();
    if (auto* a = c->func->as<Attribute>()) {
      expr(a->value);
      set_loc(a);
      set_attr_loc(a);
      emit(LOAD_METHOD, name_idx(a->attr));
      method = true;
    } else {
      expr(c->func);
    }
    for (Expr* a : c->args) expr(a);
    std::uint32_t n = static_cast<std::uint32_t>(c->args.size() + c->keywords.size());
    if (!c->keywords.empty()) {
      lang::Tuple* names = immortal_tuple(c->keywords.size(), &program_.constants);
      for (std::size_t i = 0; i < c->keywords.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          if (*c->keywords[j]->arg == *c->keywords[i]->arg)
            fail("keyword argument repeated: " + *c->keywords[i]->arg, c->keywords[i]);
        }
        names->items()[i] = Value::object(immortal_str(*c->keywords[i]->arg, &program_.constants));
        expr(c->keywords[i]->value);
      }
      emit(LOAD_CONST, add_const(Value::object(names)));
      set_call_loc(c, method_attr);
      emit(method ? CALL_METHOD_KW : CALL_KW, n);
    } else {
      set_call_loc(c, method_attr);
      emit(method ? CALL_METHOD : CALL, n);
    }
  }

  void comprehension(Expr* e) {
    Scope* scope = scopes_.of(e);
    const std::vector<Comprehension*>* gens = nullptr;
    const char* name = "<listcomp>";
    Op build = BUILD_LIST;
    switch (e->kind) {
      case ExprKind::ListComp:
        gens = &e->as<ListComp>()->generators;
        break;
      case ExprKind::SetComp:
        gens = &e->as<SetComp>()->generators;
        name = "<setcomp>";
        build = BUILD_SET;
        break;
      case ExprKind::DictComp:
        gens = &e->as<DictComp>()->generators;
        name = "<dictcomp>";
        build = BUILD_MAP;
        break;
      default:
        gens = &e->as<GeneratorExp>()->generators;
        name = "<genexpr>";
        break;
    }
    std::uint32_t flags = 0;
    if (!scope->free_order.empty()) {
      for (auto& n : scope->free_order) emit(LOAD_FAST, u_->slots.at(n));
      emit(BUILD_TUPLE, static_cast<std::uint32_t>(scope->free_order.size()));
      flags |= kFnClosure;
    }
    std::string qual = u_->qualprefix + name;
    Position line = u_->loc;
    Code* code = begin_code(scope, name, qual);
    u_->loc = line;
    u_->qualprefix = qual + ".<locals>.";
    code->nargs = 1;
    bool generator = e->kind == ExprKind::GeneratorExp;
    if (!generator) emit(build, 0);
    std::vector<int> starts, ends;
    for (std::size_t i = 0; i < gens->size(); ++i) {
      Comprehension* g = (*gens)[i];
      int start = new_label(), end = new_label();
      if (i == 0) {
        emit(LOAD_FAST, 0);
      } else {
        expr(g->iter);
        emit(GET_ITER);
      }
      bind(start);
      emit_jump(FOR_ITER, end);
      store_target(g->target);
      for (Expr* cond : g->ifs) jump_if(cond, false, start);
      starts.push_back(start);
      ends.push_back(end);
    }
    std::uint32_t depth = static_cast<std::uint32_t>(gens->size()) + 1;
    switch (e->kind) {
      case ExprKind::ListComp:
        expr(e->as<ListComp>()->elt);
        emit(LIST_APPEND, depth);
        break;
      case ExprKind::SetComp:
        expr(e->as<SetComp>()->elt);
        emit(SET_ADD, depth);
        break;
      case ExprKind::DictComp:
        expr(e->as<DictComp>()->key);
        expr(e->as<DictComp>()->value);
        emit(MAP_ADD, depth);
        break;
      default:
        expr(e->as<GeneratorExp>()->elt);
        emit(YIELD_VALUE);
        emit(POP_TOP);
        break;
    }
    for (int i = static_cast<int>(gens->size()) - 1; i >= 0; --i) {
      emit_jump(JUMP, starts[i]);
      bind(ends[i]);
    }
    if (generator) emit(LOAD_CONST, const_none());
    emit(RETURN_VALUE);
    finish_code();
    emit(MAKE_FUNCTION, (static_cast<std::uint32_t>(code_index(code)) << 3) | flags);
    expr((*gens)[0]->iter);
    emit(GET_ITER);
    emit(CALL, 1);
  }

  // ------------------------------------------------------------ stack depth

  static int popcount3(std::uint32_t f) { return (f & 1) + ((f >> 1) & 1) + ((f >> 2) & 1); }

  // Stack effect of an instruction on the fall-through path, and on the jump.
  static void effect(std::uint32_t word, int& fall, int& jump, bool& jumps, bool& terminal) {
    Op op = op_of(word);
    int a = static_cast<int>(arg_of(word));
    jumps = false;
    terminal = false;
    jump = 0;
    switch (op) {
      case NOP:
      case ROT_TWO:
      case ROT_THREE:
      case ROT_FOUR:
      case LOAD_ATTR:
      case UNARY_NEG:
      case UNARY_POS:
      case UNARY_NOT:
      case UNARY_INVERT:
      case LIST_TO_TUPLE:
      case GET_ITER:
      case MAKE_CELL:
      case POP_BLOCK:
      case POP_EXCEPT:
      case YIELD_VALUE:
      case GET_YIELD_FROM_ITER:
      case LOAD_SUPER:
      case CHECK_STEPS:
        fall = 0;
        break;
      case POP_TOP:
      case STORE_FAST:
      case STORE_DEREF:
      case STORE_GLOBAL:
      case STORE_NAME:
      case DELETE_ATTR:
      case BINARY:
      case INPLACE:
      case COMPARE:
      case IS:
      case CONTAINS:
      case SUBSCR:
      case LIST_APPEND:
      case SET_ADD:
      case LIST_EXTEND:
      case SET_UPDATE:
      case DICT_UPDATE:
      case DICT_MERGE:
        fall = -1;
        break;
      case DELETE_FAST:
      case DELETE_DEREF:
      case DELETE_GLOBAL:
        fall = 0;
        break;
      case DUP_TOP:
      case LOAD_CONST:
      case LOAD_FAST:
      case LOAD_DEREF:
      case LOAD_GLOBAL:
      case LOAD_NAME:
      case LOAD_METHOD:
      case IMPORT_NAME:
      case IMPORT_FROM:
      case LOAD_ASSERTION_ERROR:
        fall = 1;
        break;
      case DUP_TOP_TWO:
        fall = 2;
        break;
      case STORE_ATTR:
      case DELETE_SUBSCR:
      case MAP_ADD:
        fall = -2;
        break;
      case STORE_SUBSCR:
        fall = -3;
        break;
      case CALL_METHOD:
        fall = -(a + 1);
        break;
      case CALL_METHOD_KW:
        fall = -(a + 2);
        break;
      case CALL:
        fall = -a;
        break;
      case CALL_KW:
        fall = -(a + 1);
        break;
      case CALL_EX:
        fall = (a & 1) ? -2 : -1;
        break;
      case BUILD_LIST:
      case BUILD_TUPLE:
      case BUILD_SET:
      case BUILD_SLICE:
      case BUILD_STRING:
        fall = 1 - a;
        break;
      case BUILD_MAP:
        fall = 1 - 2 * a;
        break;
      case UNPACK_SEQUENCE:
        fall = a - 1;
        break;
      case UNPACK_EX:
        fall = static_cast<int>((a & 0xfff) + (a >> 12));
        break;
      case FOR_ITER:
        fall = 1;
        jump = -1;
        jumps = true;
        break;
      case JUMP:
        fall = 0;
        jumps = true;
        terminal = true;
        break;
      case POP_JUMP_IF_FALSE:
      case POP_JUMP_IF_TRUE:
        fall = -1;
        jump = -1;
        jumps = true;
        break;
      case JUMP_IF_FALSE_OR_POP:
      case JUMP_IF_TRUE_OR_POP:
        fall = -1;
        jump = 0;
        jumps = true;
        break;
      case RETURN_VALUE:
      case RERAISE:
        fall = -1;
        terminal = true;
        break;
      case RAISE_VARARGS:
        fall = -a;
        terminal = true;
        break;
      case MAKE_FUNCTION:
        fall = 1 - popcount3(static_cast<std::uint32_t>(a) & 7);
        break;
      case FORMAT_VALUE:
        fall = (a & kFmtSpec) ? -1 : 0;
        break;
      case SETUP_FINALLY:
        fall = 0;
        jump = 1;
        jumps = true;
        break;
      case JUMP_IF_NOT_EXC_MATCH:
        fall = -2;
        jump = -2;
        jumps = true;
        break;
      case YIELD_FROM:
        fall = 0;
        jump = -1;
        jumps = true;
        break;
      case BUILD_CLASS:
        fall = 1 - (2 + a);
        break;
      case SETUP_WITH:
        fall = 1;
        jump = 1;
        jumps = true;
        break;
      case WITH_EXIT:
        fall = a ? 1 : -1;
        break;
      default:
        fall = 0;
        break;
    }
  }

  void compute_stack_size(Code* code) {
    std::size_t n = code->ops.size();
    std::vector<int> depth(n + 1, -1);
    std::vector<std::size_t> work{0};
    depth[0] = 0;
    int max_depth = 0;
    while (!work.empty()) {
      std::size_t i = work.back();
      work.pop_back();
      int d = depth[i];
      while (i < n) {
        int fall, jump;
        bool jumps, terminal;
        effect(code->ops[i], fall, jump, jumps, terminal);
        if (jumps) {
          std::size_t t = arg_of(code->ops[i]);
          int td = d + jump;
          if (td > max_depth) max_depth = td;
          if (t <= n && depth[t] < td) {
            depth[t] = td;
            work.push_back(t);
          }
        }
        if (terminal) break;
        d += fall;
        if (d > max_depth) max_depth = d;
        ++i;
        if (depth[i] >= d) break;
        depth[i] = d;
      }
    }
    code->stack_size = max_depth + 2;
  }
};

}  // namespace

Program::~Program() {
  for (Object* o : constants) free_immortal(o);
}

int Program::global_slot(std::string_view name) const {
  for (std::size_t i = 0; i < global_names.size(); ++i)
    if (global_names[i] == name) return static_cast<int>(i);
  return -1;
}

std::string Program::source_line(int line) const {
  std::size_t pos = 0;
  for (int l = 1; l < line; ++l) {
    pos = source.find('\n', pos);
    if (pos == std::string::npos) return "";
    ++pos;
  }
  std::size_t end = source.find('\n', pos);
  std::string text = source.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

CompileResult compile_module(const syntax::Module& module, std::string filename,
                             std::string source) {
  init_runtime();
  CompileResult result;
  auto program = std::make_unique<Program>();
  program->filename = filename;
  program->source = std::move(source);
  auto to_syntax_error = [&](const std::string& message, int line, int col) {
    syntax::SyntaxError err;
    err.message = message;
    err.filename = filename;
    err.lineno = line;
    err.offset = col + 1;
    err.text = program->source_line(line);
    return err;
  };
  ScopeTable scopes;
  if (auto err = scopes.build(module)) {
    result.error = to_syntax_error(err->message, err->line, err->col);
    return result;
  }
  try {
    CodeGen gen(*program, scopes);
    program->main = gen.compile_module(module);
  } catch (const CompileError& e) {
    result.error = to_syntax_error(e.message, e.line, e.col);
    return result;
  }
  result.program = std::move(program);
  return result;
}

CompileResult compile_source(std::string_view source, std::string filename) {
  syntax::ParseResult parsed = syntax::parse_module(source, filename);
  if (!parsed.ok()) {
    CompileResult result;
    result.error = *parsed.error;
    return result;
  }
  return compile_module(*parsed.module, std::move(filename), std::string(source));
}

}  // namespace quire::lang
