// Host-defined exception hierarchies (frappe.ValidationError ← Exception)
// raised by natives with host::raise_error and handled by scripts.

#include "lang/sandbox/host.h"

#include "stdlib_test_util.h"

namespace quire::lang::test {
namespace {

struct Frappe {
  Type* validation;
  Type* mandatory;
  Type* does_not_exist;
};

const Frappe& frappe_errors() {
  static const Frappe f = [] {
    Frappe made;
    made.validation = host::define_exception("frappe.exceptions.ValidationError");
    made.mandatory = host::define_exception("frappe.exceptions.MandatoryError", made.validation);
    made.does_not_exist =
        host::define_exception("frappe.exceptions.DoesNotExistError", made.validation);
    host::define_class_attr(made.validation, "http_status_code", Value::integer(417));
    host::define_class_attr(made.does_not_exist, "http_status_code", Value::integer(404));
    return made;
  }();
  return f;
}

Value throw_mandatory(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  std::string msg = "Value missing";
  if (nargs == 1 && is_str(args[0])) msg = as_str(args[0])->view();
  return host::raise_error(I, frappe_errors().mandatory, msg);
}

bool bind(Isolate& I) {
  const Frappe& f = frappe_errors();
  I.set_global("ValidationError", Value::object(f.validation));
  I.set_global("MandatoryError", Value::object(f.mandatory));
  I.set_global("DoesNotExistError", Value::object(f.does_not_exist));
  Value fn = new_native(I, throw_mandatory, "throw");
  I.set_global("throw", fn);
  decref(fn);
  return true;
}

TEST(HostExceptions, CaughtByTheirBaseClasses) {
  Outcome o = run_script(
      "try:\n    throw('Customer is required')\nexcept ValidationError as e:\n"
      "    print('caught', e, isinstance(e, MandatoryError), isinstance(e, Exception))\n"
      "try:\n    throw()\nexcept DoesNotExistError:\n    print('wrong')\nexcept Exception as e:\n"
      "    print('generic', e.args)\n",
      bind);
  EXPECT_EQ(o.error_line, "");
  EXPECT_EQ(o.out, "caught Customer is required True True\ngeneric ('Value missing',)\n");
}

TEST(HostExceptions, UncaughtShowsTheQualifiedName) {
  Outcome o = run_script("throw('Rate must be positive')\n", bind);
  EXPECT_EQ(o.error_line, "frappe.exceptions.MandatoryError: Rate must be positive");
}

TEST(HostExceptions, ScriptsRaiseThemToo) {
  Outcome o = run_script(
      "try:\n    raise DoesNotExistError('Item X not found')\nexcept ValidationError as e:\n"
      "    print(str(e), e.http_status_code, ValidationError.http_status_code)\n"
      "raise ValidationError('bad')\n",
      bind);
  EXPECT_EQ(o.out, "Item X not found 404 417\n");
  EXPECT_EQ(o.error_line, "frappe.exceptions.ValidationError: bad");
}

TEST(HostExceptions, ClassAttributesCannotBeChangedByScripts) {
  Outcome o = run_script("ValidationError.http_status_code = 200\n", bind);
  EXPECT_NE(o.error_line, "");
  Outcome after = run_script("print(ValidationError.http_status_code)\n", bind);
  EXPECT_EQ(after.out, "417\n");
}

TEST(HostExceptions, BuiltinTypesWork) {
  Outcome o =
      run_script("try:\n    throw2()\nexcept KeyError as e:\n    print(repr(e))\n", [](Isolate& I) {
        Value fn = new_native(
            I,
            [](Isolate& iso, Value*, std::size_t, const Tuple*, void*) {
              return host::raise_error(iso, types().KeyError, "k");
            },
            "throw2");
        I.set_global("throw2", fn);
        decref(fn);
        return true;
      });
  EXPECT_EQ(o.out, "KeyError('k')\n");
}

}  // namespace
}  // namespace quire::lang::test
