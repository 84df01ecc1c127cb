#pragma once
// frappe.qb's objects as scripts hold them. Every query-builder object
// (a table, a field, a criterion, a query...) is an immutable tree kept as
// JSON: the script value is an instance of the object's class whose payload
// is that tree (MessagePack bytes), so it is charged to the isolate, freed
// with it, copied rather than shared (PyPika's builder methods return a new
// query too), and has no attribute a script could reach or change.
//
// Node shapes ("k" is the kind):
//   table  {n: table name, a: alias|null}
//   field  {n: column, t: table|null, a}          star {t: table|null}
//   val    {v: scalar JSON, a}                    raw  {s: SQL text, a}  (PseudoColumn)
//   fn     {n: SQL function name, args: [terms], a}
//   arith  {op: + - * /, l, r, a}
//   cmp    {op: = <> < <= > >= LIKE "NOT LIKE", l, r}
//   bool   {op: AND|OR, items: bytes (each criterion's MessagePack after
//           its 4-byte length), depth: the deepest item's}   not  {x}
//   in     {x, neg, list: [terms] | q: query}     null {x, neg}
//   between {x, lo, hi}                           empty {}
//   case   {when: [[criterion, term]...], else: term|null, a}
//   subq   {q: query, a}
//   tuple  {items: [terms], br: Bracket, a}        interval {months, days, seconds (all ints
//                                                    but seconds, a float), text: PyPika's SQL}
//   rawc   {s: SQL with '?' for each of p, p: [values]}  (get_query's filters and columns,
//           written by the model's list-query code)
//   query  {type: select|update|delete|insert, from: [tables], sel: [terms],
//           where, having, group: [terms], order: [[term, "ASC"|"DESC"|""]],
//           limit, offset, distinct, joins: [{how, t, on|using}], set: [[field, term]],
//           cols: [fields], rows: [[terms]], into, upd, with: [[name, query]],
//           rawjoins: SQL (get_query's joins), for_update}
//           type union: {parts: [[""|"UNION"|"UNION ALL", query]...], order, limit, offset, a}
//   joiner {q: query, how, t: table}               order {o: "ASC"|"DESC"}
//   customfn {n: SQL function name, params: [names] | null}

#include <string>
#include <string_view>
#include <vector>

#include "lang/object/runtime.h"
#include "lang/sandbox/host.h"
#include "model/meta.h"

namespace quire::scripting::qb {

using lang::Isolate;
using lang::Value;
using model::Json;

// The script classes. `type` is what scripts name (frappe.qb.terms.Field);
// every class derives from one hidden root so a payload is only ever read
// from a query-builder object.
struct Classes {
  lang::Type* root;
  lang::host::ValueType term, criterion, field, star, value_wrapper, pseudo_column, function,
      arithmetic, case_, empty_criterion, table, query, joiner, order, tuple, bracket, interval,
      set_operation, custom_function;
};
const Classes& classes();

// A new script object for `node` (its class follows the node's kind).
Value make(Isolate& I, const Json& node);
// The tree of a query-builder object; false when `v` is not one.
bool node_of(Value v, Json& out);
// The payload of `self` (args[0] of a method of a query-builder class).
Json self_node(Value self);

// A term from a script argument: a query-builder term as it is, a query as a
// subquery, a scalar (str, int, float, bool, None, date...) as a bound value.
// TypeError naming `what` for anything else (lists, dicts, documents, tables).
bool term_arg(Isolate& I, Value v, Json& out, const char* what);
// Every item of a script iterable as a term (term_arg with `what`).
bool terms_of(Isolate& I, Value iterable, std::vector<Json>& out, const char* what);
// The same, but a str names a column of `table` (select("name"), orderby("creation")),
// and "*" is every column.
bool column_arg(Isolate& I, Value v, const Json& table, Json& out, const char* what);

// Table, column, alias and function names become quoted identifiers in SQL:
// they must be non-empty, short, and made of letters, digits, '_', ' ' and
// '-' (Frappe's DocType and field names). ValueError otherwise.
bool check_name(Isolate& I, std::string_view name, const char* what);
// An `alias=` argument: null when not given, else a checked name.
bool optional_alias(Isolate& I, Value v, Json& out);
// A SQL function name: a plain identifier, rendered as written.
bool check_function_name(Isolate& I, std::string_view name);

// `frappe.qb.DocType("ToDo")`: table `tabToDo` (a name starting "__" is kept,
// as Frappe's get_table_name does; one with a space gets the alias with '_').
bool doctype_table(Isolate& I, Value name, Json& out);
// A table argument: a Table object, or a str naming a DocType.
bool table_arg(Isolate& I, Value v, Json& out, const char* what);

// `left op right` (op AND or OR). An EmptyCriterion on either side leaves
// the other; a chain of one operator stays one flat node (c &= x in a loop
// does not nest), so trees stay shallow.
Json combine_criteria(const Json& left, const Json& right, const char* op);
// The same over a list (Criterion.all / any): one chain, built in one pass.
Json chain_of(const std::vector<Json>& criteria, const char* op);
// The criteria of an AND/OR chain, decoded.
std::vector<Json> chain_items(const Json& chain);

// fn(first, args[1:], kwnames): a call whose first argument is replaced by
// `first` (a new reference, released here; an exception is passed on).
Value call_with_first(Isolate& I, lang::NativeFn fn, Value first, Value* args, std::size_t nargs,
                      const lang::Tuple* kwnames);
// Keyword `name` of a native call (Undef when absent).
Value keyword(Value* args, std::size_t nargs, const lang::Tuple* kwnames, std::string_view name);
// TypeError unless every keyword of the call is one of `allowed`.
bool only_keywords(Isolate& I, const char* fname, const lang::Tuple* kwnames,
                   std::initializer_list<const char*> allowed);

// Constructors reachable as plain functions too (frappe.qb.functions,
// frappe.qb.terms.Not) and the builders behind frappe.qb.from_/into/update/select.
Value new_function(Isolate& I, Value* args, std::size_t nargs, const lang::Tuple* kwnames, void*);
Value new_not(Isolate& I, Value* args, std::size_t nargs, const lang::Tuple* kwnames, void*);
Value query_from(Isolate& I, Value* args, std::size_t nargs, const lang::Tuple* kwnames, void*);
Value query_into(Isolate& I, Value* args, std::size_t nargs, const lang::Tuple* kwnames, void*);
Value query_update(Isolate& I, Value* args, std::size_t nargs, const lang::Tuple* kwnames, void*);
Value query_select(Isolate& I, Value* args, std::size_t nargs, const lang::Tuple* kwnames, void*);
Value new_table(Isolate& I, Value* args, std::size_t nargs, const lang::Tuple* kwnames, void*);
Value query_with(Isolate& I, Value* args, std::size_t nargs, const lang::Tuple* kwnames, void*);
// frappe.qb.get_query(table, fields, filters, ...): frappe_qb_get_query.cpp.
Value get_query(Isolate& I, Value* args, std::size_t nargs, const lang::Tuple* kwnames, void*);

// Registration of each group of methods (called once by classes()).
void define_term_methods(const Classes& c);
void define_table_methods(const Classes& c);
void define_query_methods(const Classes& c);
void define_extra_term_methods(const Classes& c);
void define_set_operation_methods(const Classes& c);

}  // namespace quire::scripting::qb
