#pragma once
// get_query's filters and or_filters as Frappe's query Engine reads them
// (frappe/database/query.py, develop 2026: apply_filters,
// _parse_nested_filters, _condition_to_criterion): a name, a list of names,
// a dict, a single [field, op, value] list, a list of [field, value] /
// [field, op, value] / [doctype, field, op, value] lists, dicts and
// criteria, and nested logic: [cond, "or", cond, "and", cond, ...] (left to
// right, as the Engine combines them) with any condition itself such a
// list, or one group [[cond, "or", cond]]. Each simple condition is written
// by the model's list-query code (db/query/conditions), as for get_all.

#include <string>
#include <vector>

#include "db/query/conditions.h"
#include "scripting/frappe_qb_node.h"

namespace quire::scripting::qb {

// A piece of the model's SQL ('?' for each of `values`) as a criterion.
Json raw_criterion(const std::string& sql, const std::vector<db::Value>& values);

// The criteria `filters` adds to the query (get_query ANDs them, or_filters
// ORs them). False with a script exception raised when reading `filters`
// fails; a malformed filter throws Frappe's error: db::query::QueryError
// (ValidationError, DataError) or a ValueError.
bool engine_filter_criteria(lang::Isolate& I, lang::Value filters,
                            db::query::ConditionContext& context, std::vector<Json>& out);

}  // namespace quire::scripting::qb
