#pragma once
// frappe.get_meta(doctype) and doc.meta: a DocType's definition as scripts
// read it (Frappe's Meta, frappe/model/meta.py). Its properties are
// attributes (`meta.istable`, `meta.fields`, `meta.title_field`; an unknown
// one reads None, as on a document) and the methods scripts call are bound:
// get_field, has_field, get_label, get_options, get_link_doctype, get
// (with row filters), get_table_fields, get_link_fields, get_data_fields,
// get_select_fields, get_dynamic_link_fields, get_fieldnames_with_value,
// get_valid_columns, get_title_field, get_search_fields, is_nested_set, as_dict.

#include "lang/object/runtime.h"
#include "model/meta.h"
#include "scripting/run_state.h"

namespace quire::scripting {

// A DocField as Frappe's meta lists it (a dict: fieldname, label, fieldtype,
// options, the flags as 0/1, parent...).
model::Json docfield_json(const model::Meta& meta, const model::DocField& df, std::size_t idx);

// Frappe's get_default_df: the standard columns' docfield (creation and
// modified Datetime, idx and docstatus Int, the rest Data), else null.
model::Json default_docfield(std::string_view fieldname);

// The Meta object of `meta` (a new instance in the isolate).
lang::Value meta_object(lang::Isolate& I, const model::Meta& meta);

// The run's Meta object of `meta` (RunState::meta_objects): the one made
// earlier in the run while the DocType is unchanged, else a new one.
lang::Value run_meta_object(lang::Isolate& I, RunState& run,
                            const std::shared_ptr<const model::Meta>& meta);

// frappe.get_meta(doctype, cached=True).
lang::Value get_meta_native(lang::Isolate& I, lang::Value* args, std::size_t nargs,
                            const lang::Tuple* kwnames, void* data);

// Whether `row` (a JSON object) passes Frappe's child-row filters (a dict of
// field -> value, or field -> [operator, value] with =, !=, in, not in, >,
// <, >=, <=). Shared with the mapper.
bool row_passes(const model::Json& row, const model::Json& filters);

}  // namespace quire::scripting
