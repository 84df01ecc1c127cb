// The host-binding API: native modules through the import hook, native
// functions with keyword arguments and CPython-like errors, native types with
// attributes and methods, native context managers in `with`, and native
// exception classes caught by scripts.

#include <gtest/gtest.h>

#include "lang/sandbox/host.h"
#include "vm_test_util.h"

namespace quire::lang::test {
namespace {

Value scale(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[2];
  if (!parse_args(I, "scale", args, nargs, kwnames, {"x", "factor"}, 1, a)) return Value::exc();
  Value factor = a[1].is_undef() ? Value::integer(2) : a[1];
  return binary_op(I, kMul, a[0], factor);
}

Type* g_doc_type = nullptr;
Type* g_validation_error = nullptr;
Type* g_manager_type = nullptr;

Value doc_describe(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1) return raise(I, types().TypeError, "describe() takes no arguments");
  Value name = get_attr(I, args[0], as_str(intern("name")));
  if (name.is_exc()) return name;
  std::string text = "Doc ";
  str_into(I, name, text);
  decref(name);
  return new_str(I, text);
}

Value make_doc(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1) return raise(I, types().TypeError, "get_doc() takes exactly one argument");
  Value doc = host::new_instance(I, g_doc_type);
  host::set_attribute(I, doc, "name", args[0]);
  host::set_attribute(I, doc, "qty", Value::integer(3));
  return doc;
}

Value throw_validation(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1) return raise(I, types().TypeError, "throw() takes exactly one argument");
  Tuple* t = alloc_tuple(I, 1);
  incref(args[0]);
  t->items()[0] = args[0];
  return raise_value(I, new_exception(I, g_validation_error, Value::object(t)));
}

Value manager_enter(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  if (I.output) I.output("enter\n");
  incref(args[0]);
  return args[0];
}

Value manager_exit(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (I.output) I.output(nargs == 4 && !args[1].is_none() ? "exit with error\n" : "exit\n");
  return Value::boolean(false);
}

Value new_manager(Isolate& I, Value*, std::size_t, const Tuple*, void*) {
  return host::new_instance(I, g_manager_type);
}

void install_types() {
  if (g_doc_type) return;
  g_doc_type = host::define_type("Document");
  host::define_method(g_doc_type, "describe", doc_describe);
  g_validation_error = host::define_exception("ValidationError");
  g_manager_type = host::define_type("Manager");
  host::define_method(g_manager_type, "__enter__", manager_enter);
  host::define_method(g_manager_type, "__exit__", manager_exit);
}

Outcome run_with_host(const std::string& source) {
  install_types();
  Outcome o;
  Compiled c = compile("t.py", source);
  if (c.error) {
    o.error_line = c.error->message;
    return o;
  }
  Isolate I;
  I.output = [&o](std::string_view s) { o.out += s; };
  I.import_hook = [](Isolate& iso, std::string_view name) -> Value {
    if (name != "app") return Value();
    Value m = host::new_module(iso, "app");
    host::module_add_function(iso, m, "scale", scale);
    host::module_add_function(iso, m, "get_doc", make_doc);
    host::module_add_function(iso, m, "throw", throw_validation);
    host::module_add_function(iso, m, "manager", new_manager);
    host::module_set(iso, m, "ValidationError", Value::object(g_validation_error));
    return m;
  };
  RunResult r = run(I, *c.program);
  if (!r.ok) o.error_line = r.exception_line;
  return o;
}

TEST(Host, NativeFunctionsWithKeywords) {
  Outcome o = run_with_host(
      "import app\nprint(app.scale(3), app.scale(3, factor=10), app.scale(x='ab'))\n");
  EXPECT_EQ(o.out, "6 30 abab\n");
}

TEST(Host, NativeFunctionArgumentErrors) {
  EXPECT_EQ(run_with_host("import app\napp.scale()\n").error_line,
            "TypeError: scale() missing required argument 'x' (pos 1)");
  EXPECT_EQ(run_with_host("import app\napp.scale(1, bogus=2)\n").error_line,
            "TypeError: 'bogus' is an invalid keyword argument for scale()");
}

TEST(Host, NativeTypesHaveAttributesAndMethods) {
  Outcome o = run_with_host(
      "from app import get_doc\nd = get_doc('INV-1')\nd.qty += 1\nprint(d.name, d.qty, "
      "d.describe())\n"
      "print(getattr(d, 'missing', 'dflt'), hasattr(d, 'qty'))\n");
  EXPECT_EQ(o.out, "INV-1 4 Doc INV-1\ndflt True\n");
}

TEST(Host, NativeExceptionsAreCaughtByClassAndByException) {
  Outcome o = run_with_host(
      "import app\ntry:\n    app.throw('bad qty')\nexcept app.ValidationError as e:\n    "
      "print('caught', e)\n"
      "try:\n    app.throw('again')\nexcept Exception as e:\n    print(type(e).__name__, e)\n"
      "app.throw('final')\n");
  EXPECT_EQ(o.out, "caught bad qty\nValidationError again\n");
  EXPECT_EQ(o.error_line, "ValidationError: final");
}

TEST(Host, NativeContextManagers) {
  Outcome o = run_with_host(
      "import app\nwith app.manager() as m:\n    print('body')\n"
      "try:\n    with app.manager():\n        1 / 0\nexcept ZeroDivisionError:\n    "
      "print('propagated')\n");
  EXPECT_EQ(o.out, "enter\nbody\nexit\nenter\nexit with error\npropagated\n");
}

TEST(Host, UnknownModuleIsModuleNotFound) {
  EXPECT_EQ(run_with_host("import nothere\n").error_line,
            "ModuleNotFoundError: No module named 'nothere'");
  EXPECT_EQ(run_with_host("from app import nope\n").error_line,
            "ImportError: cannot import name 'nope' from 'app' (unknown location)");
}

}  // namespace
}  // namespace quire::lang::test
