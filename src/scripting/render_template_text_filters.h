#pragma once
// jinja2's truncate, indent, tojson, filesizeformat, urlencode, wordcount,
// xmlattr and random filters (render_template_text_filters.cpp), called as every
// filter of render_template_eval.h: `args[0]` is the value, then the positional
// arguments, then the keyword values named by `kw`.

#include <string>
#include <vector>

#include "scripting/render_template_eval.h"

namespace quire::scripting::jinja {

Value truncate_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw);
Value indent_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw);
Value tojson_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw);
Value filesizeformat_filter(Evaluator& ev, std::vector<Value>& args,
                            const std::vector<std::string>& kw);
Value urlencode_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw);
Value wordcount_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw);
Value xmlattr_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw);
Value random_filter(Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw);

}  // namespace quire::scripting::jinja
