#pragma once
// The abstract syntax tree, mirroring CPython 3.11's `ast` module: the same
// node kinds and the same field names, so `ast.dump` output can be compared
// byte for byte (see ast_dump.h) and CPython's documentation applies.
//
// Naming: the abstract bases are `Expr` and `Stmt` (CPython's `expr`/`stmt`);
// CPython's expression statement `Expr` is `ExprStmt` here. Operators are
// enums (BoolOpKind, OperatorKind, UnaryOpKind, CmpOpKind, ExprContext).
//
// Positions: every node carries lineno / end_lineno (1-based) and col_offset /
// end_col_offset (0-based UTF-8 *byte* offsets, exactly like CPython's AST).
//
// Ownership: all nodes live in the Arena of the ParseResult that produced them
// (parser.h); pointers stay valid as long as that result lives. Optional
// children are nullptr when absent (CPython's None).
//
// Dispatch: switch on `kind`, then `static_cast` or `node->as<Name>()`.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quire::lang::syntax {

struct Located {
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;
  int end_col_offset = 0;
};

enum class ExprContext : std::uint8_t { Load, Store, Del };
enum class BoolOpKind : std::uint8_t { And, Or };
enum class OperatorKind : std::uint8_t {
  Add,
  Sub,
  Mult,
  MatMult,
  Div,
  Mod,
  Pow,
  LShift,
  RShift,
  BitOr,
  BitXor,
  BitAnd,
  FloorDiv
};
enum class UnaryOpKind : std::uint8_t { Invert, Not, UAdd, USub };
enum class CmpOpKind : std::uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// ---------------------------------------------------------------- expressions

enum class ExprKind : std::uint8_t {
  BoolOp,
  NamedExpr,
  BinOp,
  UnaryOp,
  Lambda,
  IfExp,
  Dict,
  Set,
  ListComp,
  SetComp,
  DictComp,
  GeneratorExp,
  Yield,
  YieldFrom,
  Compare,
  Call,
  FormattedValue,
  JoinedStr,
  Constant,
  Attribute,
  Subscript,
  Starred,
  Name,
  List,
  Tuple,
  Slice
};

struct Expr : Located {
  explicit Expr(ExprKind k) : kind(k) {}
  const ExprKind kind;
  template <class T>
  T* as() {
    return kind == T::kKind ? static_cast<T*>(this) : nullptr;
  }
  template <class T>
  const T* as() const {
    return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
  }
};
using ExprList = std::vector<Expr*>;

struct Stmt;
using StmtList = std::vector<Stmt*>;

struct Arg : Located {
  std::string arg;
  Expr* annotation = nullptr;
};

struct Arguments {  // CPython's `arguments` (no positions, as in CPython)
  std::vector<Arg*> posonlyargs;
  std::vector<Arg*> args;
  Arg* vararg = nullptr;
  std::vector<Arg*> kwonlyargs;
  ExprList kw_defaults;  // one per kwonlyarg; nullptr where there is no default
  Arg* kwarg = nullptr;
  ExprList defaults;  // for the last len(defaults) of posonlyargs + args
};

struct Keyword : Located {
  std::optional<std::string> arg;  // nullopt for `**mapping`
  Expr* value = nullptr;
};

struct Comprehension {  // no positions, as in CPython
  Expr* target = nullptr;
  Expr* iter = nullptr;
  ExprList ifs;
  int is_async = 0;  // always 0: async comprehensions are refused
};

#define QUIRE_EXPR_NODE(Name)                       \
  static constexpr ExprKind kKind = ExprKind::Name; \
  Name() : Expr(kKind) {}

struct BoolOp : Expr {
  QUIRE_EXPR_NODE(BoolOp)
  BoolOpKind op = BoolOpKind::And;
  ExprList values;
};
struct NamedExpr : Expr {
  QUIRE_EXPR_NODE(NamedExpr)
  Expr* target = nullptr;  // always a Name (Store)
  Expr* value = nullptr;
};
struct BinOp : Expr {
  QUIRE_EXPR_NODE(BinOp)
  Expr* left = nullptr;
  OperatorKind op = OperatorKind::Add;
  Expr* right = nullptr;
};
struct UnaryOp : Expr {
  QUIRE_EXPR_NODE(UnaryOp)
  UnaryOpKind op = UnaryOpKind::Not;
  Expr* operand = nullptr;
};
struct Lambda : Expr {
  QUIRE_EXPR_NODE(Lambda)
  Arguments* args = nullptr;
  Expr* body = nullptr;
};
struct IfExp : Expr {
  QUIRE_EXPR_NODE(IfExp)
  Expr* test = nullptr;
  Expr* body = nullptr;
  Expr* orelse = nullptr;
};
struct Dict : Expr {
  QUIRE_EXPR_NODE(Dict)
  ExprList keys;  // nullptr key for `**mapping` entries
  ExprList values;
};
struct Set : Expr {
  QUIRE_EXPR_NODE(Set)
  ExprList elts;
};
struct ListComp : Expr {
  QUIRE_EXPR_NODE(ListComp)
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
};
struct SetComp : Expr {
  QUIRE_EXPR_NODE(SetComp)
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
};
struct DictComp : Expr {
  QUIRE_EXPR_NODE(DictComp)
  Expr* key = nullptr;
  Expr* value = nullptr;
  std::vector<Comprehension*> generators;
};
struct GeneratorExp : Expr {
  QUIRE_EXPR_NODE(GeneratorExp)
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
};
struct Yield : Expr {
  QUIRE_EXPR_NODE(Yield)
  Expr* value = nullptr;  // optional
};
struct YieldFrom : Expr {
  QUIRE_EXPR_NODE(YieldFrom)
  Expr* value = nullptr;
};
struct Compare : Expr {
  QUIRE_EXPR_NODE(Compare)
  Expr* left = nullptr;
  std::vector<CmpOpKind> ops;
  ExprList comparators;
};
struct Call : Expr {
  QUIRE_EXPR_NODE(Call)
  Expr* func = nullptr;
  ExprList args;  // may contain Starred for `*iterable`
  std::vector<Keyword*> keywords;
};
struct FormattedValue : Expr {
  QUIRE_EXPR_NODE(FormattedValue)
  Expr* value = nullptr;
  int conversion = -1;          // -1 none, or 's' (115), 'r' (114), 'a' (97), as in CPython
  Expr* format_spec = nullptr;  // optional JoinedStr
};
struct JoinedStr : Expr {
  QUIRE_EXPR_NODE(JoinedStr)
  ExprList values;  // Constant (str) and FormattedValue
};

enum class ConstantKind : std::uint8_t { None, True, False, Ellipsis, Int, Float, Str, Bytes };

struct Constant : Expr {
  QUIRE_EXPR_NODE(Constant)
  ConstantKind value_kind = ConstantKind::None;
  // Int: when `int_is_big` is false the value is `int_value`; otherwise it does
  // not fit in int64 and `text` holds its decimal digits (no sign, no
  // underscores) for the compiler to build a big int from.
  bool int_is_big = false;
  std::int64_t int_value = 0;
  double float_value = 0.0;  // Float
  // Str: the decoded value as UTF-8 (lone surrogates from \ud800-style escapes
  // are encoded as 3-byte sequences, i.e. WTF-8). Bytes: the raw bytes.
  // Int (big): decimal digits.
  std::string text;
  // CPython's Constant.kind: "u" for strings written with a u prefix, else None.
  bool u_prefix = false;
};
struct Attribute : Expr {
  QUIRE_EXPR_NODE(Attribute)
  Expr* value = nullptr;
  std::string attr;
  ExprContext ctx = ExprContext::Load;
};
struct Subscript : Expr {
  QUIRE_EXPR_NODE(Subscript)
  Expr* value = nullptr;
  Expr* slice = nullptr;  // Slice, Tuple (possibly of Slices), or any expression
  ExprContext ctx = ExprContext::Load;
};
struct Starred : Expr {
  QUIRE_EXPR_NODE(Starred)
  Expr* value = nullptr;
  ExprContext ctx = ExprContext::Load;
};
struct Name : Expr {
  QUIRE_EXPR_NODE(Name)
  std::string id;
  ExprContext ctx = ExprContext::Load;
};
struct List : Expr {
  QUIRE_EXPR_NODE(List)
  ExprList elts;
  ExprContext ctx = ExprContext::Load;
};
struct Tuple : Expr {
  QUIRE_EXPR_NODE(Tuple)
  ExprList elts;
  ExprContext ctx = ExprContext::Load;
};
struct Slice : Expr {
  QUIRE_EXPR_NODE(Slice)
  Expr* lower = nullptr;
  Expr* upper = nullptr;
  Expr* step = nullptr;
};
#undef QUIRE_EXPR_NODE

// ----------------------------------------------------------------- statements

enum class StmtKind : std::uint8_t {
  FunctionDef,
  ClassDef,
  Return,
  Delete,
  Assign,
  AugAssign,
  AnnAssign,
  For,
  While,
  If,
  With,
  Raise,
  Try,
  Assert,
  Import,
  ImportFrom,
  Global,
  Nonlocal,
  Expr,
  Pass,
  Break,
  Continue
};

struct Stmt : Located {
  explicit Stmt(StmtKind k) : kind(k) {}
  const StmtKind kind;
  template <class T>
  T* as() {
    return kind == T::kKind ? static_cast<T*>(this) : nullptr;
  }
  template <class T>
  const T* as() const {
    return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
  }
};

struct ExceptHandler : Located {    // CPython's `excepthandler` / ExceptHandler
  Expr* type = nullptr;             // optional
  std::optional<std::string> name;  // `except E as name`
  StmtList body;
};

struct Alias : Located {
  std::string name;  // dotted for `import a.b`; "*" for `from m import *`
  std::optional<std::string> asname;
};

struct WithItem {  // no positions, as in CPython
  Expr* context_expr = nullptr;
  Expr* optional_vars = nullptr;  // optional
};

#define QUIRE_STMT_NODE(Name, Kind)                 \
  static constexpr StmtKind kKind = StmtKind::Kind; \
  Name() : Stmt(kKind) {}

struct FunctionDef : Stmt {
  QUIRE_STMT_NODE(FunctionDef, FunctionDef)
  std::string name;
  Arguments* args = nullptr;
  StmtList body;
  ExprList decorator_list;
  Expr* returns = nullptr;  // optional
};
struct ClassDef : Stmt {
  QUIRE_STMT_NODE(ClassDef, ClassDef)
  std::string name;
  ExprList bases;
  std::vector<Keyword*> keywords;
  StmtList body;
  ExprList decorator_list;
};
struct Return : Stmt {
  QUIRE_STMT_NODE(Return, Return)
  Expr* value = nullptr;  // optional
};
struct Delete : Stmt {
  QUIRE_STMT_NODE(Delete, Delete)
  ExprList targets;
};
struct Assign : Stmt {
  QUIRE_STMT_NODE(Assign, Assign)
  ExprList targets;  // `a = b = 1` has two targets
  Expr* value = nullptr;
};
struct AugAssign : Stmt {
  QUIRE_STMT_NODE(AugAssign, AugAssign)
  Expr* target = nullptr;
  OperatorKind op = OperatorKind::Add;
  Expr* value = nullptr;
};
struct AnnAssign : Stmt {
  QUIRE_STMT_NODE(AnnAssign, AnnAssign)
  Expr* target = nullptr;
  Expr* annotation = nullptr;
  Expr* value = nullptr;  // optional
  int simple = 0;         // 1 for a bare Name target not in parentheses
};
struct For : Stmt {
  QUIRE_STMT_NODE(For, For)
  Expr* target = nullptr;
  Expr* iter = nullptr;
  StmtList body;
  StmtList orelse;
};
struct While : Stmt {
  QUIRE_STMT_NODE(While, While)
  Expr* test = nullptr;
  StmtList body;
  StmtList orelse;
};
struct If : Stmt {
  QUIRE_STMT_NODE(If, If)
  Expr* test = nullptr;
  StmtList body;
  StmtList orelse;  // `elif` is a nested If here, as in CPython
};
struct With : Stmt {
  QUIRE_STMT_NODE(With, With)
  std::vector<WithItem*> items;
  StmtList body;
};
struct Raise : Stmt {
  QUIRE_STMT_NODE(Raise, Raise)
  Expr* exc = nullptr;    // optional
  Expr* cause = nullptr;  // optional
};
struct Try : Stmt {
  QUIRE_STMT_NODE(Try, Try)
  StmtList body;
  std::vector<ExceptHandler*> handlers;
  StmtList orelse;
  StmtList finalbody;
};
struct Assert : Stmt {
  QUIRE_STMT_NODE(Assert, Assert)
  Expr* test = nullptr;
  Expr* msg = nullptr;  // optional
};
struct Import : Stmt {
  QUIRE_STMT_NODE(Import, Import)
  std::vector<Alias*> names;
};
struct ImportFrom : Stmt {
  QUIRE_STMT_NODE(ImportFrom, ImportFrom)
  std::optional<std::string> module;  // nullopt for `from . import x`
  std::vector<Alias*> names;
  int level = 0;  // number of leading dots
};
struct Global : Stmt {
  QUIRE_STMT_NODE(Global, Global)
  std::vector<std::string> names;
};
struct Nonlocal : Stmt {
  QUIRE_STMT_NODE(Nonlocal, Nonlocal)
  std::vector<std::string> names;
};
struct ExprStmt : Stmt {  // CPython's `Expr` statement
  QUIRE_STMT_NODE(ExprStmt, Expr)
  Expr* value = nullptr;
};
struct Pass : Stmt {
  QUIRE_STMT_NODE(Pass, Pass)
};
struct Break : Stmt {
  QUIRE_STMT_NODE(Break, Break)
};
struct Continue : Stmt {
  QUIRE_STMT_NODE(Continue, Continue)
};
#undef QUIRE_STMT_NODE

struct Module {
  StmtList body;
};

}  // namespace quire::lang::syntax
