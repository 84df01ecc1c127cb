#pragma once

#include <optional>
#include <string>

#include "model/document.h"
#include "model/session.h"

namespace quire::model {

// Frappe's set_new_name (spec §5.1): decides `doc.name` for a new document
// from set_name, the controller's autoname hook, the DocType's autoname
// option, or a random hash; then validates it (§5.4). Names child rows too.
void set_new_name(Session& session, Document& doc, const std::optional<Json>& set_name = {});

// Builds a name from a naming-series expression such as "INV-.YYYY.-.#####"
// (spec §5.3), taking the next counter from tabSeries. Throws
// InvalidNamingSeriesError for a malformed series.
std::string make_autoname(Session& session, const std::string& series, const Document* doc);

// The next value of counter `prefix` in tabSeries (created at 1).
std::int64_t next_series_value(Session& session, const std::string& prefix);

// On delete: gives back the counter if `name` was the last number it issued.
void revert_series_if_last(Session& session, const std::string& series, const std::string& name,
                           const Document* doc);

// A random 10-character lowercase hex name (Frappe's generate_hash(length=10)).
std::string random_hash(size_t length = 10);

// Checks and normalises a name (spec §5.4); returns the cleaned name.
Json validate_name(const Meta& meta, const Json& name);

}  // namespace quire::model
