// host::define_value_type: a native type carrying a C++ value, with
// constructor, properties, methods, class methods, class attributes and the
// special methods the VM calls (arithmetic, comparison, hash, repr, str).

#include "lang/sandbox/host.h"

#include "stdlib_test_util.h"

namespace quire::lang::test {
namespace {

struct Cents {
  std::int64_t value;
};

const host::ValueType& money();

Value make(Isolate& I, std::int64_t cents) {
  return host::new_value(I, money(), Cents{cents});
}

bool get(Value v, Cents& out) {
  return host::payload_as(v, money().type, out);
}

Value construct(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[1];
  if (!parse_args(I, "Money", args, nargs, kwnames, {"cents"}, 1, a)) return Value::exc();
  if (!a[0].is_int()) return raise(I, types().TypeError, "cents must be an int");
  return make(I, a[0].i);
}

Value cents(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  Cents c{};
  get(args[0], c);
  return Value::integer(c.value);
}

Value add(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  Cents a{}, b{};
  if (!get(args[0], a) || !get(args[1], b))
    return raise(I, types().TypeError, "can only add Money to Money");
  return make(I, a.value + b.value);
}

Value eq(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  Cents a{}, b{};
  return Value::boolean(get(args[0], a) && get(args[1], b) && a.value == b.value);
}

Value lt(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  Cents a{}, b{};
  if (!get(args[0], a) || !get(args[1], b)) return raise(I, types().TypeError, "not Money");
  return Value::boolean(a.value < b.value);
}

Value hash(Isolate&, Value* args, std::size_t, const Tuple*, void*) {
  Cents c{};
  get(args[0], c);
  return Value::integer(c.value);
}

Value repr(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  Cents c{};
  get(args[0], c);
  return new_str(I, "Money(" + std::to_string(c.value) + ")");
}

Value str(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  Cents c{};
  get(args[0], c);
  return new_str(I, std::to_string(c.value / 100) + "." + (c.value % 100 < 10 ? "0" : "") +
                        std::to_string(c.value % 100));
}

Value doubled(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  Cents c{};
  get(args[0], c);
  return make(I, c.value * 2);
}

Value from_units(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2 || !is_kind(args[0], Kind::Type) || !args[1].is_int())
    return raise(I, types().TypeError, "from_units(n)");
  return make(I, args[1].i * 100);
}

const host::ValueType& money() {
  static const host::ValueType t = [] {
    host::ValueType made = host::define_value_type("Money");
    host::set_constructor(made.type, construct);
    host::define_property(made.type, "cents", cents);
    host::define_method(made.type, "doubled", doubled);
    host::define_classmethod(made.type, "from_units", from_units);
    host::define_special(made, "__add__", add);
    host::define_special(made, "__eq__", eq);
    host::define_special(made, "__lt__", lt);
    host::define_special(made, "__hash__", hash);
    host::define_special(made, "__repr__", repr);
    host::define_special(made, "__str__", str);
    Cents zero{0};
    host::define_class_attr(made.type, "zero", host::immortal_value(made.impl, &zero, sizeof zero));
    return made;
  }();
  return t;
}

bool bind(Isolate& I) {
  I.set_global("Money", Value::object(money().type));
  return true;
}

TEST(ValueType, BehavesLikeAPythonValue) {
  Outcome o = run_script(
      "a = Money(150)\nb = Money.from_units(2)\nc = a + b\n"
      "print(a, repr(b), c, c.cents, a.doubled(), Money.zero, isinstance(a, Money))\n"
      "print(a == Money(150), a != b, a < b, sorted([b, a]), max(a, b))\n"
      "print({a: 'x'}[Money(150)], len({a, Money(150), b}))\n",
      bind);
  EXPECT_EQ(o.error_line, "");
  EXPECT_EQ(o.out,
            "1.50 Money(200) 3.50 350 3.00 0.00 True\nTrue True True [Money(150), Money(200)] "
            "2.00\nx 2\n");
}

TEST(ValueType, ErrorsFromSpecialsPropagate) {
  EXPECT_EQ(run_script("Money(1) + 5\n", bind).error_line,
            "TypeError: can only add Money to Money");
  EXPECT_EQ(run_script("Money('x')\n", bind).error_line, "TypeError: cents must be an int");
}

TEST(ValueType, PublicClassIsReadOnly) {
  Outcome o = run_script("Money.zero = 5\n", bind);
  EXPECT_NE(o.error_line, "");
  EXPECT_EQ(run_script("print(Money.zero)\n", bind).out, "0.00\n");
}

TEST(ValueType, PayloadRoundTripsThroughTheHost) {
  Isolate I;
  IsolateScope scope(I);
  Value v = make(I, 42);
  Cents c{};
  ASSERT_TRUE(get(v, c));
  EXPECT_EQ(c.value, 42);
  EXPECT_FALSE(get(Value::integer(42), c));
  decref(v);
}

}  // namespace
}  // namespace quire::lang::test
