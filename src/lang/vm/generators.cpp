// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// generator.throw() and generator.close(), including their forwarding through
// `yield from` (PEP 380): an exception thrown into a generator suspended in a
// delegation goes to the delegate first; close() closes the delegate first.

#include "lang/vm/interp.h"

namespace quire::lang {

namespace {

// The `yield from` delegate `gen` is suspended in, or Undef. A delegation
// suspends at YIELD_VALUE 1 with the delegate on top of the saved stack.
Value suspended_delegate(const Generator* gen) {
  if (gen->finished || gen->ip == 0) return Value();
  const Code* code = static_cast<const Function*>(gen->func.o)->code;
  std::uint32_t word = code->ops[gen->ip - 1];
  if (op_of(word) != YIELD_VALUE || arg_of(word) != 1 || gen->live == 0) return Value();
  return gen->storage[gen->live - 1];
}

Value take_pending(Isolate& I) {
  Value exc = I.pending;
  I.pending = Value();
  return exc;
}

// CPython's PyErr_WriteUnraisable text for an error in `where`'s finalizer.
void report_unraisable(Isolate& I, Value where, Value exc) {
  std::string text = "Exception ignored in: ";
  if (!repr_into(I, where, text)) {
    decref(take_pending(I));
    text += "<object repr() failed>";
  }
  text += "\n" + format_traceback(I, exc);
  I.unraisable(text);
}

}  // namespace

Value generator_throw(Isolate& I, Generator* gen, Value exc) {
  if (gen->running) {
    decref(exc);
    return raise(I, types().ValueError, "generator already executing");
  }
  Value delegate = suspended_delegate(gen);
  if (is_kind(delegate, Kind::Generator)) {
    auto* inner = static_cast<Generator*>(delegate.o);
    incref(delegate);  // the outer generator's stack slot may be replaced below
    if (isinstance(exc, types().GeneratorExit)) {
      // close() the delegate, then raise GeneratorExit (or what close raised) here.
      Value r = generator_close(I, inner);
      if (r.is_exc()) {
        decref(exc);
        exc = take_pending(I);
      } else {
        decref(r);
      }
    } else {
      Value r = generator_throw(I, inner, exc);
      if (r.is_exc()) {
        exc = take_pending(I);  // the delegate let it (or another) escape: raise it here
      } else if (!r.is_undef()) {
        decref(delegate);
        return r;  // the delegate yielded: so does this generator
      } else {
        // The delegate returned: the `yield from` expression has its value.
        Value v = I.stop_value.is_undef() ? Value::none() : I.stop_value;
        I.stop_value = Value();
        decref(delegate);
        return generator_resume(I, gen, v, Resume::Continue);
      }
    }
    decref(delegate);
  }
  decref(I.pending);
  I.pending = exc;
  return generator_resume(I, gen, Value(), Resume::Throw);
}

Value generator_close(Isolate& I, Generator* gen) {
  if (gen->finished) return Value::none();
  if (gen->ip == 0 && !gen->running) {
    // Never started: nothing to run, just drop the frame.
    gen->finished = true;
    for (std::uint32_t i = 0; i < gen->live; ++i) assign(gen->storage[i], Value());
    gen->live = 0;
    return Value::none();
  }
  raise_no_args(I, types().GeneratorExit);
  Value r = generator_throw(I, gen, take_pending(I));
  if (r.is_exc()) {
    if (!I.uncatchable && (isinstance(I.pending, types().GeneratorExit) ||
                           isinstance(I.pending, types().StopIteration))) {
      decref(take_pending(I));
      return Value::none();
    }
    return r;
  }
  if (r.is_undef()) return Value::none();
  decref(r);
  return raise(I, types().RuntimeError, "generator ignored GeneratorExit");
}

bool run_finalizers(Isolate& I) {
  if (I.finalizing) return true;  // the loop below takes what this run queues
  I.finalizing = true;
  Value handled = I.handled;
  bool ok = true;
  while (I.heap.finalizers_due()) {
    // Each close costs a step: thousands of generators freed at once (a list
    // of them dropped) are seen by the limits between two closes.
    if ((--I.steps_left < 0 || I.heap.over_limit() ||
         (I.cancel && I.cancel->load(std::memory_order_relaxed))) &&
        !check_limits(I)) {
      ok = false;
      break;
    }
    Object* o = I.heap.take_finalizer();
    Value r = generator_close(I, static_cast<Generator*>(o));
    if (r.is_exc()) {
      if (I.uncatchable) {
        ok = false;  // a limit error ends the run, finalizer or not
      } else {
        Value exc = take_pending(I);
        if (I.unraisable) report_unraisable(I, Value::object(o), exc);
        decref(exc);
      }
    } else {
      decref(r);
    }
    decref(Value::object(o));  // finished now: freed
    I.handled = handled;
    if (!ok) break;
  }
  I.handled = handled;
  I.finalizing = false;
  return ok;
}

}  // namespace quire::lang
