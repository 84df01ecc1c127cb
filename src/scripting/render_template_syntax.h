#pragma once
// The Jinja subset of frappe.render_template, parsed into a small tree that
// render_template_eval.cpp walks over the language's own operations (the
// same objects, attribute rule and limits as the script that renders it).
//
// Why a tree walk and not a translation into Python source: the language's
// programs keep module globals in per-program slots of the isolate, so code
// compiled from a template could not run inside the script's isolate beside
// the script's own functions (a template calling a script function, or the
// reverse, would index the wrong globals). Jinja's expression grammar also
// differs from Python's (`|` filters, `~`, `is` tests, `a.b` falling back to
// `a["b"]`, undefined names that print), so a tree of our own states it
// directly. The tree holds no script values: parsed once per source and
// shared by every thread (render_template.cpp caches it).
//
// The same expression tree serves frappe.safe_eval (safe_eval.cpp builds it
// from the language's Python AST and evaluates it with Python's rules).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace quire::scripting::jinja {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

enum class ExprKind : std::uint8_t {
  None,
  True,
  False,
  Int,     // text: the decimal digits (may exceed int64)
  Float,   // text
  Str,     // text
  Name,    // text
  Attr,    // args[0].text
  Item,    // args[0][args[1]]
  Slice,   // args[0][args[1]:args[2]:args[3]] (a None-kind child for an omitted part)
  Call,    // args[0](args[1..]); the last kwnames.size() of them are keywords (then
           // the `*` and `**` operands Expr::dyn names, for Call, Filter and Test)
  Filter,  // text = filter name; args[0] | text(args[1..])
  Test,    // text = test name; args[0] is text(args[1..]); negated = `is not`
  Neg,
  Pos,
  Invert,  // ~x (safe_eval only: `~` concatenates in Jinja)
  Not,
  Binary,  // op (lang BinOpCode)
  Concat,  // ~ of every arg
  And,
  Or,
  Compare,  // args[0] ops[0] args[1] ops[1] args[2] ...
  Cond,     // args[1] if args[0] else args[2] (args.size() == 2: no else)
  List,
  Tuple,
  Dict,  // key, value, key, value ...
  Set,
};

// The `*iterable` and `**mapping` arguments of a call, filter or test.
enum DynArg : std::uint8_t { kDynArgs = 1, kDynKwargs = 2 };

// Compare operators (ops of a Compare node).
enum CompareOp : std::uint8_t {
  kCmpEq,
  kCmpNe,
  kCmpLt,
  kCmpLe,
  kCmpGt,
  kCmpGe,
  kCmpIn,
  kCmpNotIn,
  kCmpIs,
  kCmpIsNot
};

struct Expr {
  ExprKind kind = ExprKind::None;
  int line = 1;
  std::string text;
  std::vector<ExprPtr> args;
  std::vector<std::string> kwnames;
  std::vector<std::uint8_t> ops;
  int op = 0;
  bool negated = false;
  std::uint8_t dyn = 0;  // Call / Filter / Test: DynArg bits (`*x`, `**y` after the keywords)
};

struct Node;
using Body = std::vector<Node>;

enum class NodeKind : std::uint8_t {
  Text,
  Output,
  If,
  For,
  Set,
  SetBlock,
  With,
  Macro,        // text = name; names = parameters; defaults; body
  CallBlock,    // expr = the Call; names/defaults = caller's parameters; body = caller's
  FilterBlock,  // expr = the filter chain over a Name kFilterBlockInput; body
  Block,        // text = name; body rendered in place (no extends: no overriding)
  Load,         // text = include/extends/import/from; expr = template name; ignore_missing
  Autoescape,   // expr = on/off; body (in its own scope)
};

// The name under which a FilterBlock's rendered body reaches its filter chain
// (no template can spell it).
inline constexpr const char* kFilterBlockInput =
    "\x01"
    "filter";

// Which of Jinja's special names a macro's body uses (Node::refs): they
// decide whether the macro takes extra positional (varargs) or keyword
// (kwargs) arguments and a `caller` keyword.
enum MacroRef : std::uint8_t { kRefVarargs = 1, kRefKwargs = 2, kRefCaller = 4 };

struct Node {
  NodeKind kind = NodeKind::Text;
  int line = 1;
  std::string text;                // Text
  ExprPtr expr;                    // Output value, For iterable, Set value
  std::vector<std::string> names;  // For / Set targets (one name, or a tuple of names)
  bool tuple_target = false;
  std::string attr;                                // Set: `{% set ns.attr = v %}` (names[0] is ns)
  ExprPtr filter;                                  // For: `for x in y if cond`
  std::vector<std::pair<ExprPtr, Body>> branches;  // If / elif; With: (value, unused)
  Body body;                                       // For / SetBlock / With body
  Body else_body;                                  // If else, For else
  std::vector<ExprPtr> defaults;                   // Macro / CallBlock: per parameter, or null
  std::uint8_t refs = 0;                           // Macro / CallBlock: MacroRef bits
  bool scoped = false;                             // Block: `scoped` (sees the loop's names)
  bool ignore_missing = false;                     // Load: `include ... ignore missing`
  bool recursive = false;                          // For: `recursive` (loop(items) renders)
};

struct Template {
  Body body;
};

struct SyntaxError {
  int line = 1;
  std::string message;  // Jinja's wording: "unexpected '}'", "Encountered unknown tag 'x'."
  // Jinja's TemplateAssertionError (a TemplateSyntaxError raised after
  // parsing: "block 'b' defined twice").
  bool assertion = false;
};

// Parses `source` (Jinja's defaults: no autoescape, trim_blocks and
// lstrip_blocks off, one trailing newline dropped). False with `error` set.
bool parse_template(const std::string& source, Template& out, SyntaxError& error);

// Deepest expression nesting the parser accepts (deeper: a syntax error).
constexpr int kMaxExprDepth = 100;

}  // namespace quire::scripting::jinja
