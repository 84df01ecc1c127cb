// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// Which special method answers a binary operator or a comparison, as CPython
// 3.11's binary_op1 / SLOT1BINFULL (typeobject.c) and do_richcompare decide.

#include "lang/object/special_ops.h"

#include <string_view>

#include "lang/compile/code.h"

namespace quire::lang {

namespace {

bool is_not_implemented(Value v) {
  return v.tag == Tag::Obj && v.o == not_implemented_value().o;
}

Value method_of(Value self, std::string_view name) {
  if (!is_user_instance(self)) return Value();
  Value fn = type_lookup(static_cast<Instance*>(self.o)->cls, name);
  return fn.is_none() ? Value() : fn;
}

// self.name(other), or Value() when self's class has no such method or the
// method returned NotImplemented (the immortal singleton: nothing to release).
Value answer(Isolate& I, Value self, std::string_view name, Value other) {
  Value fn = method_of(self, name);
  if (fn.is_undef()) return Value();
  Value args[2] = {self, other};
  Value r = call(I, fn, args, 2, nullptr);
  return is_not_implemented(r) ? Value() : r;
}

// Whether `derived` defines `name` otherwise than `base` does (CPython's
// method_is_overloaded): only then is a subclass's __rop__ asked first.
bool overrides(const Type* derived, const Type* base, std::string_view name) {
  Value mine = type_lookup(derived, name);
  if (mine.is_undef()) return false;
  Value inherited = type_lookup(base, name);
  return inherited.is_undef() || inherited.tag != mine.tag || inherited.o != mine.o;
}

// self.__eq__(other) or self.__ne__(other), with object's defaults where the
// class defines neither: __eq__ answers True for the object itself and
// NotImplemented otherwise; __ne__ inverts whatever __eq__ answers.
Value equality_answer(Isolate& I, int op, Value self, Value other) {
  if (!is_user_instance(self)) return Value();
  const char* name = op == kEq ? "__eq__" : "__ne__";
  if (!method_of(self, name).is_undef()) return answer(I, self, name, other);
  if (op == kEq) return other.tag == Tag::Obj && other.o == self.o ? Value::boolean(true) : Value();
  Value eq = equality_answer(I, kEq, self, other);
  if (eq.is_undef() || eq.is_exc()) return eq;
  int t = truthy(I, eq);
  decref(eq);
  if (t < 0) return Value::exc();
  return Value::boolean(!t);
}

}  // namespace

Value special_binary_op(Isolate& I, int op, Value a, Value b, bool inplace) {
  static constexpr const char* names[] = {
      "__add__",    "__sub__",    "__mul__", "__matmul__", "__truediv__", "__mod__",     "__pow__",
      "__lshift__", "__rshift__", "__or__",  "__xor__",    "__and__",     "__floordiv__"};
  static constexpr const char* reflected[] = {"__radd__",     "__rsub__", "__rmul__", "__rmatmul__",
                                              "__rtruediv__", "__rmod__", "__rpow__", "__rlshift__",
                                              "__rrshift__",  "__ror__",  "__rxor__", "__rand__",
                                              "__rfloordiv__"};
  static constexpr const char* in_place[] = {"__iadd__",     "__isub__", "__imul__", "__imatmul__",
                                             "__itruediv__", "__imod__", "__ipow__", "__ilshift__",
                                             "__irshift__",  "__ior__",  "__ixor__", "__iand__",
                                             "__ifloordiv__"};
  if (inplace) {
    Value r = answer(I, a, in_place[op], b);
    if (!r.is_undef()) return r;
  }
  const Type* left = type_of(a);
  const Type* right = type_of(b);
  // The right operand is asked only when it is of another type.
  bool ask_right = left != right;
  if (ask_right && is_subtype(right, left) && overrides(right, left, reflected[op])) {
    Value r = answer(I, b, reflected[op], a);
    if (!r.is_undef()) return r;
    ask_right = false;
  }
  Value r = answer(I, a, names[op], b);
  if (!r.is_undef() || !ask_right) return r;
  return answer(I, b, reflected[op], a);
}

Value special_compare(Isolate& I, int op, Value a, Value b) {
  static constexpr const char* names[] = {"__eq__", "__ne__", "__lt__",
                                          "__le__", "__gt__", "__ge__"};
  static constexpr int swapped[] = {kEq, kNe, kGt, kGe, kLt, kLe};
  auto ask = [&I](int which, Value self, Value other) {
    return which == kEq || which == kNe ? equality_answer(I, which, self, other)
                                        : answer(I, self, names[which], other);
  };
  // Unlike arithmetic, the reflected method is asked for the same type too;
  // a subclass's first, whether or not it overrides it.
  const Type* left = type_of(a);
  const Type* right = type_of(b);
  bool right_first = left != right && is_subtype(right, left);
  if (right_first) {
    Value r = ask(swapped[op], b, a);
    if (!r.is_undef()) return r;
  }
  Value r = ask(op, a, b);
  if (!r.is_undef() || right_first) return r;
  return ask(swapped[op], b, a);
}

}  // namespace quire::lang
