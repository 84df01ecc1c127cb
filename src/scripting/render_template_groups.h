#pragma once
// jinja2's batch, slice and groupby filters (render_template_groups.cpp).
// `args[0]` is the value filtered, then the positional arguments, then the
// keyword values named by `kwnames`, as every filter of render_template_eval.h.

#include <string>
#include <vector>

#include "scripting/render_template_eval.h"

namespace quire::scripting::jinja {

Value batch_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw);
Value slice_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw);
Value groupby_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw);

}  // namespace quire::scripting::jinja
