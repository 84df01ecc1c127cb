#pragma once
// Value: the 16-byte tagged value every slot of the VM holds.
//
// Design note (why 16 bytes rather than NaN-boxing in 8): a full int64 fits
// inline, so integer arithmetic needs no boxing and overflow is detected with
// the compiler's checked-arithmetic builtins; floats are stored unchanged; a
// pointer needs no masking. Twice the memory per slot is cheap next to the
// simplicity, and arithmetic stays allocation-free.
//
// Tag::Exc is never stored anywhere: it is the "an exception is pending in the
// isolate" return value of native functions and runtime operations, so errors
// propagate as a status without C++ exceptions.
// Tag::Undef marks an unbound local / empty slot.

#include <cstdint>

namespace quire::lang {

struct Object;

enum class Tag : std::uint8_t { Undef = 0, None, Bool, Int, Float, Obj, Exc };

struct Value {
  Tag tag = Tag::Undef;
  union {
    bool b;
    std::int64_t i;
    double f;
    Object* o;
  };
  constexpr Value() : i(0) {}

  static constexpr Value none() {
    Value v;
    v.tag = Tag::None;
    return v;
  }
  static constexpr Value boolean(bool x) {
    Value v;
    v.tag = Tag::Bool;
    v.i = 0;
    v.b = x;
    return v;
  }
  static constexpr Value integer(std::int64_t x) {
    Value v;
    v.tag = Tag::Int;
    v.i = x;
    return v;
  }
  static constexpr Value real(double x) {
    Value v;
    v.tag = Tag::Float;
    v.f = x;
    return v;
  }
  static Value object(Object* p) {
    Value v;
    v.tag = Tag::Obj;
    v.o = p;
    return v;
  }
  static constexpr Value exc() {
    Value v;
    v.tag = Tag::Exc;
    return v;
  }

  bool is_undef() const { return tag == Tag::Undef; }
  bool is_none() const { return tag == Tag::None; }
  bool is_bool() const { return tag == Tag::Bool; }
  bool is_int() const { return tag == Tag::Int; }
  bool is_float() const { return tag == Tag::Float; }
  bool is_obj() const { return tag == Tag::Obj; }
  bool is_exc() const { return tag == Tag::Exc; }
};

static_assert(sizeof(Value) == 16);

}  // namespace quire::lang
