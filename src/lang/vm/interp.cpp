// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// The dispatch loop. Python exceptions travel as a status: an operation
// returns Value::exc() (or false/-1) with I.pending set, and the loop jumps to
// `error`, which unwinds the frame's block stack to a handler or pops frames.

#include "lang/vm/interp.h"

#include "lang/vm/exec_region.h"

#include <bit>
#include <cstdint>
#include <cstring>

#include "lang/lib/attrdict.h"
#include "lang/sandbox/policy.h"
#include "lang/sandbox/stack_guard.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace quire::lang {

namespace {

Value unbound_local(Isolate& I, const Code* code, std::uint32_t slot) {
  return raise(I, types().UnboundLocalError,
               "cannot access local variable '" + code->local_names[slot] +
                   "' where it is not associated with a value");
}

Value free_unbound(Isolate& I, const Code* code, std::uint32_t slot) {
  return raise(I, types().NameError,
               "cannot access free variable '" + code->local_names[slot] +
                   "' where it is not associated with a value in enclosing scope");
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

// Fills the frame's parameter slots from the call's arguments. `args` holds
// owned references which are moved into `locals` (or released on error).
// `locals` may alias `args` only in the fast path.
bool bind_arguments(Isolate& I, Function* fn, Value* locals, Value* args, std::size_t nargs,
                    const Tuple* kwnames) {
  const Code* code = fn->code;
  std::size_t nkw = kwnames ? kwnames->size : 0;
  const std::string& fname = code->qualname;
  if (nkw == 0 && !code->has_varargs && !code->has_varkw && code->nkwonly == 0 &&
      nargs == static_cast<std::size_t>(code->nargs)) {
    if (locals != args) std::memmove(static_cast<void*>(locals), args, nargs * sizeof(Value));
    for (int i = static_cast<int>(nargs); i < code->nlocals; ++i) locals[i] = Value();
    return true;
  }
  std::vector<Value> tmp(args, args + nargs + nkw);
  int total = code->nlocals;
  for (int i = 0; i < total; ++i) locals[i] = Value();
  auto release_all = [&]() {
    for (std::size_t i = 0; i < tmp.size(); ++i) decref(tmp[i]);
    for (int i = 0; i < total; ++i) {
      decref(locals[i]);
      locals[i] = Value();
    }
  };
  std::size_t npos = static_cast<std::size_t>(code->nargs);
  std::size_t take = nargs < npos ? nargs : npos;
  for (std::size_t i = 0; i < take; ++i) {
    locals[i] = tmp[i];
    tmp[i] = Value();
  }
  int varargs_slot = code->nargs + code->nkwonly;
  int varkw_slot = varargs_slot + (code->has_varargs ? 1 : 0);
  if (nargs > npos) {
    if (!code->has_varargs) {
      std::size_t ndef = is_kind(fn->defaults, Kind::Tuple) ? as_tuple(fn->defaults)->size : 0;
      std::string expected =
          ndef ? "from " + std::to_string(npos - ndef) + " to " + std::to_string(npos)
               : std::to_string(npos);
      std::string msg = fname + "() takes " + expected + " positional argument" +
                        (npos == 1 && !ndef ? "" : "s") + " but " + std::to_string(nargs) +
                        (nargs == 1 ? " was" : " were") + " given";
      release_all();
      raise(I, types().TypeError, msg);
      return false;
    }
    Tuple* extra = alloc_tuple(I, nargs - npos);
    for (std::size_t i = npos; i < nargs; ++i) {
      extra->items()[i - npos] = tmp[i];
      tmp[i] = Value();
    }
    locals[varargs_slot] = Value::object(extra);
  } else if (code->has_varargs) {
    locals[varargs_slot] = Value::object(alloc_tuple(I, 0));
  }
  Dict* kwdict = nullptr;
  if (code->has_varkw) {
    kwdict = alloc_dict(I);
    locals[varkw_slot] = Value::object(kwdict);
  }
  for (std::size_t k = 0; k < nkw; ++k) {
    Str* name = as_str(kwnames->items()[k]);
    Value v = tmp[nargs + k];
    int found = -1;
    for (int p = code->nposonly; p < code->nargs + code->nkwonly; ++p) {
      if (code->local_names[p] == name->view()) {
        found = p;
        break;
      }
    }
    if (found >= 0) {
      if (!locals[found].is_undef()) {
        release_all();
        raise(I, types().TypeError,
              fname + "() got multiple values for argument '" + std::string(name->view()) + "'");
        return false;
      }
      locals[found] = v;
      tmp[nargs + k] = Value();
      continue;
    }
    if (kwdict) {
      if (!dict_set(I, kwdict, kwnames->items()[k], v)) {
        release_all();
        return false;
      }
      continue;
    }
    bool posonly = false;
    for (int p = 0; p < code->nposonly; ++p) posonly |= code->local_names[p] == name->view();
    release_all();
    if (posonly) {
      raise(I, types().TypeError,
            fname + "() got some positional-only arguments passed as keyword arguments: '" +
                std::string(name->view()) + "'");
    } else {
      raise(I, types().TypeError,
            fname + "() got an unexpected keyword argument '" + std::string(name->view()) + "'");
    }
    return false;
  }
  // Defaults for the positional parameters.
  std::vector<std::string> missing;
  std::size_t ndef = is_kind(fn->defaults, Kind::Tuple) ? as_tuple(fn->defaults)->size : 0;
  for (std::size_t i = 0; i < npos; ++i) {
    if (!locals[i].is_undef()) continue;
    if (i >= npos - ndef) {
      Value d = as_tuple(fn->defaults)->items()[i - (npos - ndef)];
      incref(d);
      locals[i] = d;
    } else {
      missing.push_back(code->local_names[i]);
    }
  }
  if (!missing.empty()) {
    release_all();
    raise(I, types().TypeError,
          fname + "() missing " +
              plural(missing.size(), "required positional argument",
                     "required positional arguments") +
              ": " + join_names(missing));
    return false;
  }
  for (int p = code->nargs; p < code->nargs + code->nkwonly; ++p) {
    if (!locals[p].is_undef()) continue;
    Value d = is_dict(fn->kwdefaults) ? dict_get_str(as_dict(fn->kwdefaults), code->local_names[p])
                                      : Value();
    if (d.is_undef()) {
      missing.push_back(code->local_names[p]);
    } else {
      incref(d);
      locals[p] = d;
    }
  }
  if (!missing.empty()) {
    release_all();
    raise(I, types().TypeError,
          fname + "() missing " +
              plural(missing.size(), "required keyword-only argument",
                     "required keyword-only arguments") +
              ": " + join_names(missing));
    return false;
  }
  for (auto& v : tmp) decref(v);
  return true;
}

// Turns captured parameters/locals into cells and loads the closure.
void setup_cells(Function* fn, Value* locals) {
  const Code* code = fn->code;
  for (int slot : code->cell_slots) {
    Cell* cell = t_heap->make<Cell>();
    cell->value = locals[slot];
    locals[slot] = Value::object(cell);
  }
  if (code->nfree) {
    Tuple* closure = as_tuple(fn->closure);
    for (int i = 0; i < code->nfree; ++i) {
      Value c = closure->items()[i];
      incref(c);
      locals[code->free_start + i] = c;
    }
  }
}

Value make_generator(Isolate& I, Function* fn, Value* locals) {
  const Code* code = fn->code;
  Generator* gen = I.heap.make<Generator>();
  incref(Value::object(fn));
  gen->func = Value::object(fn);
  gen->storage.assign(static_cast<std::size_t>(code->nlocals + code->stack_size), Value());
  I.heap.charge(gen->storage.size() * sizeof(Value));
  for (int i = 0; i < code->nlocals; ++i) gen->storage[i] = locals[i];
  gen->live = static_cast<std::uint32_t>(code->nlocals);
  return Value::object(gen);
}

}  // namespace

// Limit errors name the limit (the traceback names the line).
static std::string limit_message(Isolate& I, const char* what) {
  std::string w = what;
  if (w == "steps") {
    if (I.step_budget <= 0) return "script exceeded its step limit";
    return "step budget of " + std::to_string(I.step_budget) + " exhausted";
  }
  if (w == "memory") return "memory limit of " + std::to_string(I.heap.limit()) + " bytes exceeded";
  int reason = I.stop_reason.load(std::memory_order_relaxed);
  if (reason == Isolate::kStopDeadline)
    return "time limit of " + std::to_string(I.timeout_ms) + " ms exceeded";
  if (reason == Isolate::kStopOutput)
    return "output limit of " + std::to_string(I.max_output_bytes) + " bytes exceeded";
  return "script was cancelled";
}

// Marks the pending exception as a limit error: handlers skip it, and a
// native caller that swallows it and raises something else gets it back
// (raise_value re-raises I.limit_error while I.uncatchable is set).
static void make_uncatchable(Isolate& I) {
  I.uncatchable = true;
  incref(I.pending);
  assign(I.limit_error, I.pending);
}

// In a sandboxed run the recursion limit is a limit error like the others.
static Value raise_recursion_limit(Isolate& I) {
  raise(I, types().RecursionError, "maximum recursion depth exceeded");
  if (I.recursion_uncatchable) make_uncatchable(I);
  return Value::exc();
}

bool check_limits(Isolate& I) {
  if (I.steps_left < 0) {
    I.steps_left = 0;
    raise(I, types().StepLimitExceeded, limit_message(I, "steps"));
    make_uncatchable(I);
    return false;
  }
  if (I.cancel && I.cancel->load(std::memory_order_relaxed)) {
    int reason = I.stop_reason.load(std::memory_order_relaxed);
    Type* type = reason == Isolate::kStopDeadline ? types().StepLimitExceeded
                 : reason == Isolate::kStopOutput ? types().ScriptOutputError
                                                  : types().Cancelled;
    raise(I, type, limit_message(I, "cancel"));
    make_uncatchable(I);
    return false;
  }
  if (I.heap.over_limit()) {
    I.heap.clear_over_limit();
    raise(I, types().ScriptMemoryError, limit_message(I, "memory"));
    make_uncatchable(I);
    return false;
  }
  return true;
}

static Value run_loop(Isolate& I, bool throw_in = false);

// Calls and loop back-edges: the step budget, then the generators waiting to
// be closed (Heap::finalizers_due), whose `finally` runs here, between two
// instructions, under the run's limits.
static bool at_safe_point(Isolate& I) {
  if (I.steps_left < 0 && !check_limits(I)) return false;
  return !I.heap.finalizers_due() || run_finalizers(I);
}

// How CPython names a callable in call errors: "__main__.f()", "len()".
static std::string function_str(Value callable) {
  if (is_kind(callable, Kind::Function))
    return "__main__." + static_cast<Function*>(callable.o)->code->qualname + "()";
  if (is_kind(callable, Kind::Native))
    return std::string(static_cast<Native*>(callable.o)->name) + "()";
  if (is_kind(callable, Kind::Type)) return static_cast<Type*>(callable.o)->name + "()";
  return type_name(callable) + " object";
}
Value build_class(Isolate& I, Value body, Value name, Value base);

// Pushes a frame for `fn` whose arguments are at args[0..nargs+nkw); `base` is
// the first slot of the call on the stack (released on return).
static bool push_frame(Isolate& I, Function* fn, Value* base, Value* result_to, Value* args,
                       std::size_t nargs, const Tuple* kwnames, bool entry) {
  const Code* code = fn->code;
  if (static_cast<int>(I.frames.size()) >= I.max_depth) {
    for (std::size_t i = 0; i < nargs + (kwnames ? kwnames->size : 0); ++i) decref(args[i]);
    raise_recursion_limit(I);
    return false;
  }
  Value* locals = args;
  if (locals + code->nlocals + code->stack_size > I.stack_end) {
    for (std::size_t i = 0; i < nargs + (kwnames ? kwnames->size : 0); ++i) decref(args[i]);
    raise_recursion_limit(I);
    return false;
  }
  if (!bind_arguments(I, fn, locals, args, nargs, kwnames)) return false;
  setup_cells(fn, locals);
  Frame f;
  f.base = base;
  f.result_to = result_to;
  f.code = code;
  f.func = fn;
  f.locals = locals;
  f.sp = locals + code->nlocals;
  f.ip = code->ops.data();
  f.block_base = static_cast<std::uint32_t>(I.blocks.size());
  f.gen = nullptr;
  f.entry = entry;
  f.saved_top = I.stack_top;
  I.frames.push_back(f);
  I.stack_top = f.sp + code->stack_size;
  if (I.stack_top > I.stack_peak) I.stack_peak = I.stack_top;
  return true;
}

Value call_python(Isolate& I, Function* fn, Value* args, std::size_t nargs, const Tuple* kwnames) {
  std::size_t total = nargs + (kwnames ? kwnames->size : 0);
  Value* base = I.stack_top;
  // Native code calling back into Python uses native stack: stop before it runs out.
  if (base + 1 + total + fn->code->nlocals + fn->code->stack_size > I.stack_end ||
      static_cast<int>(I.frames.size()) >= I.max_depth || sandbox::native_stack_low()) {
    return raise_recursion_limit(I);
  }
  base[0] = Value();
  for (std::size_t i = 0; i < total; ++i) {
    incref(args[i]);
    base[1 + i] = args[i];
  }
  Value* saved_top = I.stack_top;
  if (fn->code->is_generator) {
    // Bind in place, then move the locals into a generator object.
    if (!bind_arguments(I, fn, base + 1, base + 1, nargs, kwnames)) return Value::exc();
    setup_cells(fn, base + 1);
    Value g = make_generator(I, fn, base + 1);
    return g;
  }
  if (!push_frame(I, fn, base, base, base + 1, nargs, kwnames, true)) {
    I.stack_top = saved_top;
    return Value::exc();
  }
  Value result = run_loop(I);
  I.stack_top = saved_top;
  return result;
}

// Pushes the frame of suspended generator `gen` on I.frames (its locals and
// stack stay in gen->storage). With `push_sent`, `sent` (owned) becomes the
// value of the `yield` the generator is suspended at; a generator that has not
// started yet has no such yield and drops it.
static void push_generator_frame(Isolate& I, Generator* gen, Value sent, bool push_sent,
                                 bool entry) {
  auto* fn = static_cast<Function*>(gen->func.o);
  const Code* code = fn->code;
  Frame f;
  f.base = nullptr;
  f.result_to = nullptr;
  f.code = code;
  f.func = fn;
  f.locals = gen->storage.data();
  f.sp = f.locals + gen->live;
  f.ip = code->ops.data() + gen->ip;
  f.block_base = static_cast<std::uint32_t>(I.blocks.size());
  if (!gen->blocks.empty()) {
    I.blocks.insert(I.blocks.end(), gen->blocks.begin(), gen->blocks.end());
    gen->blocks.clear();
  }
  f.gen = gen;
  f.entry = entry;
  f.saved_top = I.stack_top;
  if (push_sent && gen->ip != 0) {
    *f.sp++ = sent;  // the value of the `yield` expression
  } else {
    decref(sent);
  }
  gen->running = true;
  I.frames.push_back(f);
}

Value generator_resume(Isolate& I, Generator* gen, Value sent, Resume mode) {
  if (gen->finished) {
    assign(I.stop_value, Value());
    return mode == Resume::Throw ? Value::exc() : Value();
  }
  if (gen->running || static_cast<int>(I.frames.size()) >= I.max_depth ||
      sandbox::native_stack_low()) {
    if (mode == Resume::Throw) {
      decref(I.pending);
      I.pending = Value();
    }
    if (gen->running) return raise(I, types().ValueError, "generator already executing");
    return raise_recursion_limit(I);
  }
  if (mode == Resume::Continue) {
    // The delegate of the `yield from` the generator is suspended at finished
    // with `sent` (owned) as its return value: the delegate's stack slot takes
    // it and execution continues after the delegation loop.
    const std::uint32_t* ops = static_cast<Function*>(gen->func.o)->code->ops.data();
    assign(gen->storage[gen->live - 1], sent);
    gen->ip = arg_of(ops[gen->ip - 2]);
    sent = Value();
  } else {
    incref(sent);
  }
  Value* saved_top = I.stack_top;
  push_generator_frame(I, gen, sent, mode == Resume::Send, true);
  incref(Value::object(gen));  // keep it alive while it runs
  Value result = run_loop(I, mode == Resume::Throw);
  I.stack_top = saved_top;
  gen->running = false;
  decref(Value::object(gen));
  return result;
}

// CPython frees a program's globals when it ends, closing the suspended
// generators they hold (their `finally` output still reaches stdout), in the
// order the names were bound. They are closed here, under the run's limits,
// even after an uncaught exception (but not a limit error); the globals stay
// for the host to read.
static Value close_module_generators(Isolate& I, Value result) {
  if (result.is_exc() && I.uncatchable) return result;
  for (Value v : I.globals)
    if (v.tag == Tag::Obj && Heap::is_suspended_generator(v.o)) I.heap.queue_close(v.o);
  if (!I.heap.finalizers_due()) return result;
  Value pending = result.is_exc() ? I.pending : Value();
  I.pending = Value();
  if (!run_finalizers(I)) {
    decref(pending);
    return Value::exc();
  }
  I.pending = pending;
  return result;
}

Value run_module(Isolate& I, const Program& program) {
  if (!ExecRegion::ensure(I)) return raise_no_args(I, types().MemoryError);
  I.stack_top = I.stack;
  I.program = &program;
  for (auto& g : I.globals) decref(g);
  I.heap.drop_finalizers();  // the last run's generators do not run in this one
  I.globals.assign(program.global_names.size(), Value());
  if (I.bind_globals && !I.bind_globals(I)) return Value::exc();
  Function* fn = I.heap.make<Function>();
  fn->code = program.main;
  Value fv = Value::object(fn);
  Value result = call_python(I, fn, nullptr, 0, nullptr);
  decref(fv);
  return close_module_generators(I, result);
}

// Calls `callable` with the arguments at args[0..n) (+kw values) for the VM:
// Python functions get a frame in place (returns Undef = "frame pushed");
// everything else is called and the result returned. `base..end` are the
// call's stack slots, all owned, and consumed in every case: the caller's
// stack pointer goes back to `base` (taking no reference to it keeps the
// dispatch loop's stack pointer in a register).
static Value vm_call(Isolate& I, Value callable, Value* base, Value* args, std::size_t nargs,
                     const Tuple* kwnames, bool in_generator) {
  std::size_t total = nargs + (kwnames ? kwnames->size : 0);
  if (callable.tag == Tag::Obj && callable.o->kind == Kind::Function) {
    auto* fn = static_cast<Function*>(callable.o);
    if (fn->code->is_generator) {
      Value g;
      if (!bind_arguments(I, fn, args, args, nargs, kwnames)) {
        g = Value::exc();
      } else {
        setup_cells(fn, args);
        g = make_generator(I, fn, args);
      }
      // The generator took the locals; release the callable slots only.
      for (Value* p = base; p < args; ++p) decref(*p);
      return g;
    }
    if (in_generator) {
      // Frames of generators live in the generator's storage: move the call
      // onto the main stack so the callee has room.
      Value* nb = I.stack_top;
      std::size_t span = static_cast<std::size_t>(args - base) + total;
      if (nb + span + fn->code->nlocals + fn->code->stack_size > I.stack_end) {
        for (Value* p = base; p < args + total; ++p) decref(*p);
        return raise_recursion_limit(I);
      }
      std::memcpy(static_cast<void*>(nb), base, span * sizeof(Value));
      Value* result_to = base;
      Value* nargs_at = nb + (args - base);
      if (!push_frame(I, fn, nb, result_to, nargs_at, nargs, kwnames, false)) {
        for (Value* p = nb; p < nargs_at; ++p) decref(*p);
        return Value::exc();
      }
      return Value();
    }
    if (!push_frame(I, fn, base, base, args, nargs, kwnames, false)) {
      for (Value* p = base; p < args; ++p) decref(*p);
      return Value::exc();
    }
    return Value();
  }
  Value result = call(I, callable, args, nargs, kwnames);
  for (Value* p = base; p < args + total; ++p) decref(*p);
  return result;
}

// Implicit chaining: an exception raised while another is being handled
// remembers it as __context__.
static void set_context(Isolate& I) {
  if (!is_kind(I.pending, Kind::Instance) || !is_kind(I.handled, Kind::Instance)) return;
  auto* in = static_cast<Instance*>(I.pending.o);
  if (!in->context.is_undef() || I.handled.o == I.pending.o) return;
  // As CPython: cut the link that would close a cycle through the context
  // chain (raising `a` while handling `b` whose context is `a`); the walk is
  // bounded in case a cycle exists already.
  auto* o = static_cast<Instance*>(I.handled.o);
  for (int n = 0; n < 100000 && is_kind(o->context, Kind::Instance); ++n) {
    auto* next = static_cast<Instance*>(o->context.o);
    if (next == in) {
      assign(o->context, Value());
      break;
    }
    o = next;
  }
  incref(I.handled);
  in->context = I.handled;
}

// NameError for `name` seen from frame code `code`, with CPython's suggestion.
static void name_error(Isolate& I, const Code* code, const std::string& name) {
  raise(I, types().NameError, "name '" + name + "' is not defined");
  std::vector<std::string_view> candidates;
  if (!code->is_class_body && code != code->program->main)
    for (const auto& n : code->local_names) candidates.push_back(n);
  std::string s = suggest_name(name, candidates);
  if (s.empty()) {
    candidates.clear();
    for (std::size_t i = 0; i < I.globals.size(); ++i)
      if (!I.globals[i].is_undef()) candidates.push_back(code->program->global_names[i]);
    s = suggest_name(name, candidates);
  }
  if (s.empty()) {
    candidates.clear();
    for (const auto& n : builtin_names()) candidates.push_back(n);
    s = suggest_name(name, candidates);
  }
  if (is_kind(I.pending, Kind::Instance)) static_cast<Instance*>(I.pending.o)->suggestion = s;
}

static void add_traceback(Isolate& I, const Frame& f) {
  if (!is_kind(I.pending, Kind::Instance)) return;
  auto* exc = static_cast<Instance*>(I.pending.o);
  std::size_t at = static_cast<std::size_t>(f.ip - f.code->ops.data());
  int line = at > 0 ? f.code->lines[at - 1] : (f.code->lines.empty() ? 0 : f.code->lines[0]);
  exc->traceback.push_back(TraceEntry{f.code->program->filename, f.code->name, line,
                                      &f.code->program->source, f.code, at > 0 ? at - 1 : 0});
}

#define FETCH() (word = *ip++, arg = word >> 8)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SAVE() (f->ip = ip, f->sp = sp)
#define LOAD_FRAME()         \
  do {                       \
    f = &I.frames.back();    \
    code = f->code;          \
    L = f->locals;           \
    sp = f->sp;              \
    ip = f->ip;              \
    K = code->consts.data(); \
    ops0 = code->ops.data(); \
  } while (0)
#define CHECK(v)                         \
  do {                                   \
    if ((v).tag == Tag::Exc) goto error; \
  } while (0)

// Iterates `seq` (consumed) into `got` for an unpacking assignment, stopping
// once `stop_at` items are collected (one more than the targets is enough to
// report "too many values"). On failure `got` is released and an exception is
// pending; a non-iterable gets CPython's "cannot unpack non-iterable" message.
static bool collect_for_unpack(Isolate& I, Value seq, std::vector<Value>& got,
                               std::size_t stop_at) {
  Value it = get_iter(I, seq);
  if (it.is_exc()) {
    std::string tn = type_name(seq);
    decref(seq);
    if (isinstance(I.pending, types().TypeError)) {
      raise(I, types().TypeError, "cannot unpack non-iterable " + tn + " object");
    }
    return false;
  }
  decref(seq);
  while (got.size() < stop_at) {
    Value x = iter_next(I, it);
    if (x.is_exc()) {
      for (auto& g : got) decref(g);
      got.clear();
      decref(it);
      return false;
    }
    if (x.is_undef()) break;
    got.push_back(x);
  }
  decref(it);
  return true;
}

// Scalar results (int, float, bool) are written with one 16-byte store. Why:
// the next instruction nearly always reads the slot back whole (a 16-byte
// load, or the 8-byte word holding the tag); a Value written field by field
// (a 1-byte tag store and an 8-byte payload store) cannot be forwarded to
// such a load, and the CPU stalls until the stores retire. Measured: about a
// tenth of the time of arithmetic loops went to these stalls.
static inline void put_scalar(Value& slot, Tag tag, std::int64_t payload) {
#if defined(__SSE2__)
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&slot),
                   _mm_set_epi64x(payload, static_cast<std::int64_t>(tag)));
#else
  Value v;
  v.tag = tag;
  v.i = payload;
  slot = v;
#endif
}
static inline void put_int(Value& slot, std::int64_t x) {
  put_scalar(slot, Tag::Int, x);
}
static inline void put_float(Value& slot, double x) {
  put_scalar(slot, Tag::Float, std::bit_cast<std::int64_t>(x));
}
static inline void put_bool(Value& slot, bool x) {
  put_scalar(slot, Tag::Bool, x ? 1 : 0);
}

// Python integer arithmetic on two int64 operands when the result is an
// int64 too and no error is possible; false sends the operation to the
// general path (overflow to big ints, division by zero, negative shifts).
static inline bool int_fast_path(std::uint32_t op, std::int64_t a, std::int64_t b, Value& out) {
  std::int64_t r;
  switch (op) {
    case kAdd:
      if (__builtin_add_overflow(a, b, &r)) return false;
      break;
    case kSub:
      if (__builtin_sub_overflow(a, b, &r)) return false;
      break;
    case kMul:
      if (__builtin_mul_overflow(a, b, &r)) return false;
      break;
    case kMod:
      if (b <= 0 || a < 0) {
        if (b == 0 || b == -1) return false;
        r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) r += b;  // the result takes the divisor's sign
      } else if (((a | b) >> 32) == 0) {
        r = static_cast<std::uint32_t>(a) % static_cast<std::uint32_t>(b);  // a much cheaper divide
      } else {
        r = a % b;
      }
      break;
    case kFloorDiv:
      if (b <= 0 || a < 0) {
        if (b == 0 || b == -1) return false;
        r = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) --r;  // round toward negative infinity
      } else if (((a | b) >> 32) == 0) {
        r = static_cast<std::uint32_t>(a) / static_cast<std::uint32_t>(b);
      } else {
        r = a / b;
      }
      break;
    case kTrueDiv: {
      // Exact operands (|x| <= 2**53) make one IEEE division correctly rounded.
      constexpr std::int64_t kExact = std::int64_t{1} << 53;
      if (b == 0 || a > kExact || a < -kExact || b > kExact || b < -kExact) return false;
      put_float(out, static_cast<double>(a) / static_cast<double>(b));
      return true;
    }
    case kAnd:
      r = a & b;
      break;
    case kOr:
      r = a | b;
      break;
    case kXor:
      r = a ^ b;
      break;
    case kRShift:
      if (b < 0 || b > 63) return false;
      r = a >> b;
      break;
    case kLShift:
      if (b < 0 || b > 62) return false;
      r = static_cast<std::int64_t>(static_cast<std::uint64_t>(a) << b);
      if ((r >> b) != a) return false;
      break;
    default:
      return false;
  }
  put_int(out, r);
  return true;
}

// Float arithmetic that cannot raise (division by zero and the rest go the general way).
static inline bool float_fast_path(std::uint32_t op, double a, double b, Value& out) {
  switch (op) {
    case kAdd:
      put_float(out, a + b);
      return true;
    case kSub:
      put_float(out, a - b);
      return true;
    case kMul:
      put_float(out, a * b);
      return true;
    case kTrueDiv:
      if (b == 0.0) return false;
      put_float(out, a / b);
      return true;
    default:
      return false;
  }
}

// Rich comparison of two numbers of the same C type (NaN compares false, as in Python).
template <class T>
static inline int compare_fast(std::uint32_t op, T a, T b) {
  switch (op) {
    case kEq:
      return a == b;
    case kNe:
      return a != b;
    case kLt:
      return a < b;
    case kLe:
      return a <= b;
    case kGt:
      return a > b;
    default:
      return a >= b;
  }
}

#if defined(__GNUC__)
#define QUIRE_COMPUTED_GOTO 1
// Labels as values are a GNU extension (GCC and Clang).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#else
#define QUIRE_COMPUTED_GOTO 0
#endif

static Value run_loop(Isolate& I, bool throw_in) {
  Frame* f;
  const Code* code;
  Value* L;
  Value* sp;
  const std::uint32_t* ip;
  const Value* K;
  const std::uint32_t* ops0;
  std::uint32_t word, arg;
  bool reraise = false;
  LOAD_FRAME();
  if (throw_in) goto error;  // generator.throw(): the exception is pending at the yield

    // Computed-goto dispatch: each handler ends in its own indirect jump (GCC
    // duplicates the dispatch into every handler), which predicts far better
    // than the single jump of a switch. The switch remains for its structure
    // and for compilers without the extension.
#if QUIRE_COMPUTED_GOTO
  static const void* const kDispatch[kOpCount] = {
#define QUIRE_OP_LABEL(name) &&op_##name,
      QUIRE_OPS(QUIRE_OP_LABEL)
#undef QUIRE_OP_LABEL
  };
#endif

  for (;;) {
    FETCH();
#if QUIRE_COMPUTED_GOTO
    goto* kDispatch[word & 0xff];
#endif
    switch (static_cast<Op>(word & 0xff)) {
      case NOP:
      op_NOP:
      case CHECK_STEPS:
      op_CHECK_STEPS:
        break;
      case POP_TOP:
      op_POP_TOP:
        decref(POP());
        break;
      case DUP_TOP:
      op_DUP_TOP:
        incref(TOP());
        sp[0] = sp[-1];
        ++sp;
        break;
      case DUP_TOP_TWO:
      op_DUP_TOP_TWO:
        incref(sp[-1]);
        incref(sp[-2]);
        sp[0] = sp[-2];
        sp[1] = sp[-1];
        sp += 2;
        break;
      case ROT_TWO:
      op_ROT_TWO : {
        Value t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = t;
        break;
      }
      case ROT_THREE:
      op_ROT_THREE : {
        Value t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = t;
        break;
      }
      case ROT_FOUR:
      op_ROT_FOUR : {
        Value t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = sp[-4];
        sp[-4] = t;
        break;
      }
      case LOAD_CONST:
      op_LOAD_CONST:
        PUSH(K[arg]);
        break;
      case LOAD_FAST:
      op_LOAD_FAST : {
        Value v = L[arg];
        if (v.tag == Tag::Undef) {
          unbound_local(I, code, arg);
          goto error;
        }
        incref(v);
        PUSH(v);
        break;
      }
      case STORE_FAST:
      op_STORE_FAST:
        assign(L[arg], POP());
        break;
      case DELETE_FAST:
      op_DELETE_FAST:
        if (L[arg].is_undef()) {
          unbound_local(I, code, arg);
          goto error;
        }
        assign(L[arg], Value());
        break;
      case LOAD_DEREF:
      op_LOAD_DEREF : {
        Value v = static_cast<Cell*>(L[arg].o)->value;
        if (v.is_undef()) {
          if (static_cast<int>(arg) >= code->free_start)
            free_unbound(I, code, arg);
          else
            unbound_local(I, code, arg);
          goto error;
        }
        incref(v);
        PUSH(v);
        break;
      }
      case STORE_DEREF:
      op_STORE_DEREF:
        assign(static_cast<Cell*>(L[arg].o)->value, POP());
        break;
      case DELETE_DEREF:
      op_DELETE_DEREF:
        assign(static_cast<Cell*>(L[arg].o)->value, Value());
        break;
      case LOAD_GLOBAL:
      op_LOAD_GLOBAL : {
        Value v = I.globals[arg];
        if (v.is_undef()) {
          int b = code->program->global_builtin[arg];
          if (b < 0) {
            name_error(I, code, code->program->global_names[arg]);
            goto error;
          }
          v = builtin_value(b);
        }
        incref(v);
        PUSH(v);
        break;
      }
      case STORE_GLOBAL:
      op_STORE_GLOBAL:
        assign(I.globals[arg], POP());
        break;
      case DELETE_GLOBAL:
      op_DELETE_GLOBAL:
        if (I.globals[arg].is_undef()) {
          raise(I, types().NameError,
                "name '" + code->program->global_names[arg] + "' is not defined");
          goto error;
        }
        assign(I.globals[arg], Value());
        break;
      case LOAD_NAME:
      op_LOAD_NAME : {
        Str* name = code->names[arg];
        bool err = false;
        Value v = dict_get(I, as_dict(L[0]), Value::object(name), err);
        if (v.is_undef()) {
          int slot = code->program->global_slot(name->view());
          if (slot >= 0) v = I.globals[slot];
          if (v.is_undef()) {
            // A sandboxed class body does not see hidden builtins either.
            int b = I.sandboxed && sandbox::builtin_hidden(name->view())
                        ? -1
                        : builtin_index(name->view());
            if (b < 0) {
              raise(I, types().NameError,
                    "name '" + std::string(name->view()) + "' is not defined");
              goto error;
            }
            v = builtin_value(b);
          }
        }
        incref(v);
        PUSH(v);
        break;
      }
      case STORE_NAME:
      op_STORE_NAME : {
        Value v = POP();
        bool ok = dict_set(I, as_dict(L[0]), Value::object(code->names[arg]), v);
        decref(v);
        if (!ok) goto error;
        break;
      }
      case LOAD_ATTR:
      op_LOAD_ATTR : {
        Value obj = TOP();
        SAVE();
        Value v = get_attr(I, obj, code->names[arg]);
        CHECK(v);
        decref(obj);
        TOP() = v;
        break;
      }
      case STORE_ATTR:
      op_STORE_ATTR : {
        Value obj = POP();
        Value v = POP();
        SAVE();
        bool ok = set_attr(I, obj, code->names[arg], v);
        decref(obj);
        decref(v);
        if (!ok) goto error;
        break;
      }
      case DELETE_ATTR:
      op_DELETE_ATTR : {
        Value obj = POP();
        bool ok = del_attr(I, obj, code->names[arg]);
        decref(obj);
        if (!ok) goto error;
        break;
      }
      case LOAD_METHOD:
      op_LOAD_METHOD : {
        Value obj = TOP();
        Value fn;
        bool self_needed = false;
        SAVE();
        if (!lookup_method(I, obj, code->names[arg], fn, self_needed)) goto error;
        if (self_needed) {
          TOP() = fn;
          PUSH(obj);
        } else {
          decref(obj);
          TOP() = fn;
          PUSH(Value());
        }
        break;
      }
      case CALL_METHOD:
      op_CALL_METHOD:
      case CALL_METHOD_KW:
      op_CALL_METHOD_KW : {
        const Tuple* kwnames = nullptr;
        std::size_t n = arg;
        if (op_of(word) == CALL_METHOD_KW) {
          kwnames = as_tuple(POP());
          n -= kwnames->size;
        }
        std::size_t total = arg;
        Value* base = sp - total - 2;
        Value callable = base[0];
        Value* args;
        std::size_t nargs;
        if (base[1].is_undef()) {
          args = base + 2;
          nargs = n;
        } else {
          args = base + 1;
          nargs = n + 1;
        }
        if ((--I.steps_left < 0 || I.heap.finalizers_due()) && !at_safe_point(I)) goto error;
        SAVE();
        Value r = vm_call(I, callable, base, args, nargs, kwnames, f->gen != nullptr);
        sp = base;
        if (r.is_undef()) {
          f->sp = sp;
          LOAD_FRAME();
          break;
        }
        CHECK(r);
        PUSH(r);
        break;
      }
      case CALL:
      op_CALL:
      case CALL_KW:
      op_CALL_KW : {
        const Tuple* kwnames = nullptr;
        std::size_t n = arg;
        if (op_of(word) == CALL_KW) {
          kwnames = as_tuple(POP());
          n -= kwnames->size;
        }
        Value* base = sp - arg - 1;
        if ((--I.steps_left < 0 || I.heap.finalizers_due()) && !at_safe_point(I)) goto error;
        SAVE();
        Value r = vm_call(I, base[0], base, base + 1, n, kwnames, f->gen != nullptr);
        sp = base;
        if (r.is_undef()) {
          f->sp = sp;
          LOAD_FRAME();
          break;
        }
        CHECK(r);
        PUSH(r);
        break;
      }
      case CALL_EX:
      op_CALL_EX : {
        Value kwargs = (arg & 1) ? POP() : Value();
        Value argtuple = POP();
        Value callable = POP();
        Tuple* at = as_tuple(argtuple);
        std::vector<Value> flat(at->items(), at->items() + at->size);
        Tuple* kwnames = nullptr;
        if (kwargs.is_obj()) {
          HashTable& t = as_dict(kwargs)->table;
          kwnames = alloc_tuple(I, table_size(t));
          std::size_t k = 0;
          for (auto& e : t.entries) {
            if (e.key.is_undef()) continue;
            if (!is_str(e.key)) {
              decref(Value::object(kwnames));
              raise(I, types().TypeError, "keywords must be strings");
              goto error;
            }
            incref(e.key);
            kwnames->items()[k++] = e.key;
            flat.push_back(e.value);
          }
        }
        if ((--I.steps_left < 0 || I.heap.finalizers_due()) && !at_safe_point(I)) goto error;
        SAVE();
        Value r = call(I, callable, flat.data(), at->size, kwnames);
        if (kwnames) decref(Value::object(kwnames));
        decref(callable);
        decref(argtuple);
        decref(kwargs);
        CHECK(r);
        PUSH(r);
        break;
      }
      case BINARY:
      op_BINARY:
      case INPLACE:
      op_INPLACE : {
        Value b = sp[-1], a = sp[-2];
        if (a.tag == Tag::Int && b.tag == Tag::Int) {
          if (int_fast_path(arg, a.i, b.i, sp[-2])) {
            --sp;
            break;
          }
        } else if (a.tag == Tag::Float && b.tag == Tag::Float) {
          if (float_fast_path(arg, a.f, b.f, sp[-2])) {
            --sp;
            break;
          }
        }
        SAVE();
        Value r = binary_op(I, static_cast<int>(arg), a, b, op_of(word) == INPLACE);
        CHECK(r);
        decref(a);
        decref(b);
        sp[-2] = r;
        --sp;
        break;
      }
      case UNARY_NEG:
      op_UNARY_NEG : {
        Value v = TOP();
        if (v.tag == Tag::Int && v.i != INT64_MIN) {
          put_int(TOP(), -v.i);
          break;
        }
        Value r = negate(I, v);
        CHECK(r);
        decref(v);
        TOP() = r;
        break;
      }
      case UNARY_POS:
      op_UNARY_POS : {
        Value v = TOP();
        Value r = positive(I, v);
        CHECK(r);
        decref(v);
        TOP() = r;
        break;
      }
      case UNARY_INVERT:
      op_UNARY_INVERT : {
        Value v = TOP();
        Value r = invert(I, v);
        CHECK(r);
        decref(v);
        TOP() = r;
        break;
      }
      case UNARY_NOT:
      op_UNARY_NOT : {
        Value v = TOP();
        SAVE();
        int t = truthy(I, v);
        if (t < 0) goto error;
        decref(v);
        put_bool(TOP(), !t);
        break;
      }
      case COMPARE:
      op_COMPARE : {
        Value b = sp[-1], a = sp[-2];
        int r = -1;
        if (a.tag == Tag::Int && b.tag == Tag::Int) {
          r = compare_fast(arg, a.i, b.i);
        } else if (a.tag == Tag::Float && b.tag == Tag::Float) {
          r = compare_fast(arg, a.f, b.f);
        } else if (arg <= kNe && a.tag == Tag::Obj && b.tag == Tag::Obj && a.o->kind == Kind::Str &&
                   b.o->kind == Kind::Str) {
          bool eq = a.o == b.o || static_cast<Str*>(a.o)->view() == static_cast<Str*>(b.o)->view();
          r = eq == (arg == kEq);
          decref(a);
          decref(b);
        }
        if (r >= 0) {
          put_bool(sp[-2], r != 0);
          --sp;
          break;
        }
        SAVE();
        Value res = compare_op(I, static_cast<int>(arg), a, b);
        CHECK(res);
        decref(a);
        decref(b);
        sp[-2] = res;
        --sp;
        break;
      }
      case IS:
      op_IS : {
        Value b = POP(), a = POP();
        bool same;
        if (a.tag != b.tag) {
          same = false;
        } else if (a.tag == Tag::Obj) {
          same = a.o == b.o;
        } else if (a.tag == Tag::Int) {
          same = a.i == b.i;
        } else if (a.tag == Tag::Float) {
          same = a.i == b.i;  // same bits: the same float "object"
        } else if (a.tag == Tag::Bool) {
          same = a.b == b.b;
        } else {
          same = true;
        }
        decref(a);
        decref(b);
        put_bool(*sp++, same != (arg != 0));
        break;
      }
      case CONTAINS:
      op_CONTAINS : {
        Value container = POP(), item = POP();
        SAVE();
        int r = contains(I, container, item);
        decref(container);
        decref(item);
        if (r < 0) goto error;
        put_bool(*sp++, (r != 0) != (arg != 0));
        break;
      }
      case SUBSCR:
      op_SUBSCR : {
        Value key = sp[-1], obj = sp[-2];
        if (obj.tag == Tag::Obj && obj.o->kind == Kind::List && key.tag == Tag::Int) {
          auto& items = static_cast<List*>(obj.o)->items;
          std::int64_t i = key.i < 0 ? key.i + static_cast<std::int64_t>(items.size()) : key.i;
          if (i >= 0 && i < static_cast<std::int64_t>(items.size())) {
            Value v = items[i];
            incref(v);
            decref(obj);
            sp[-2] = v;
            --sp;
            break;
          }
        }
        SAVE();
        Value r = get_item(I, obj, key);
        CHECK(r);
        decref(obj);
        decref(key);
        sp[-2] = r;
        --sp;
        break;
      }
      case STORE_SUBSCR:
      op_STORE_SUBSCR : {
        Value key = POP(), obj = POP(), v = POP();
        SAVE();
        bool ok = set_item(I, obj, key, v);
        decref(key);
        decref(obj);
        decref(v);
        if (!ok) goto error;
        break;
      }
      case DELETE_SUBSCR:
      op_DELETE_SUBSCR : {
        Value key = POP(), obj = POP();
        SAVE();
        bool ok = del_item(I, obj, key);
        decref(key);
        decref(obj);
        if (!ok) goto error;
        break;
      }
      case BUILD_LIST:
      op_BUILD_LIST : {
        List* l = alloc_list(I, arg);
        l->items.assign(sp - arg, sp);
        sp -= arg;
        PUSH(Value::object(l));
        break;
      }
      case BUILD_TUPLE:
      op_BUILD_TUPLE : {
        Tuple* t = alloc_tuple(I, arg);
        Value* items = sp - arg;
        for (std::uint32_t i = 0; i < arg; ++i) t->items()[i] = items[i];
        sp -= arg;
        PUSH(Value::object(t));
        break;
      }
      case BUILD_MAP:
      op_BUILD_MAP : {
        Dict* d = alloc_dict(I);
        Value dv = Value::object(d);
        Value* items = sp - 2 * arg;
        bool ok = true;
        for (std::uint32_t i = 0; i < arg && ok; ++i)
          ok = dict_set(I, d, items[2 * i], items[2 * i + 1]);
        for (Value* p = items; p < sp; ++p) decref(*p);
        sp = items;
        if (!ok) {
          decref(dv);
          goto error;
        }
        PUSH(dv);
        break;
      }
      case BUILD_SET:
      op_BUILD_SET : {
        Set* s = alloc_set(I);
        Value sv = Value::object(s);
        Value* items = sp - arg;
        bool ok = true;
        for (std::uint32_t i = 0; i < arg && ok; ++i) ok = set_add(I, s, items[i]);
        for (Value* p = items; p < sp; ++p) decref(*p);
        sp = items;
        if (!ok) {
          decref(sv);
          goto error;
        }
        PUSH(sv);
        break;
      }
      case BUILD_SLICE:
      op_BUILD_SLICE : {
        Slice* s = I.heap.make<Slice>();
        s->step = POP();
        s->stop = POP();
        s->start = POP();
        PUSH(Value::object(s));
        break;
      }
      case BUILD_STRING:
      op_BUILD_STRING : {
        std::size_t total = 0;
        Value* parts = sp - arg;
        for (std::uint32_t i = 0; i < arg; ++i) total += as_str(parts[i])->nbytes;
        Str* s = alloc_str(I, total);
        char* out = s->data();
        for (std::uint32_t i = 0; i < arg; ++i) {
          Str* part = as_str(parts[i]);
          std::memcpy(out, part->data(), part->nbytes);
          out += part->nbytes;
          decref(parts[i]);
        }
        finish_str(s);
        sp -= arg;
        PUSH(Value::object(s));
        break;
      }
      case LIST_APPEND:
      op_LIST_APPEND : {
        Value v = POP();
        list_append(I, as_list(sp[-static_cast<std::ptrdiff_t>(arg)]), v);
        break;
      }
      case SET_ADD:
      op_SET_ADD : {
        Value v = POP();
        bool ok = set_add(I, as_set(sp[-static_cast<std::ptrdiff_t>(arg)]), v);
        decref(v);
        if (!ok) goto error;
        break;
      }
      case MAP_ADD:
      op_MAP_ADD : {
        Value v = POP(), k = POP();
        bool ok = dict_set(I, as_dict(sp[-static_cast<std::ptrdiff_t>(arg)]), k, v);
        decref(k);
        decref(v);
        if (!ok) goto error;
        break;
      }
      case LIST_EXTEND:
      op_LIST_EXTEND:
      case SET_UPDATE:
      op_SET_UPDATE : {
        Value iterable = POP();
        bool for_call = (arg & kForCall) != 0;
        Value target = sp[-static_cast<std::ptrdiff_t>(arg & ~kForCall)];
        SAVE();
        Value it = get_iter(I, iterable);
        if (it.is_exc() && for_call && isinstance(I.pending, types().TypeError)) {
          std::string fn = function_str(sp[-static_cast<std::ptrdiff_t>(arg & ~kForCall) - 1]);
          raise(I, types().TypeError,
                fn + " argument after * must be an iterable, not " + type_name(iterable));
        }
        decref(iterable);
        CHECK(it);
        for (;;) {
          Value x = iter_next(I, it);
          if (x.is_undef()) break;
          if (x.is_exc()) {
            decref(it);
            goto error;
          }
          if (op_of(word) == LIST_EXTEND) {
            list_append(I, as_list(target), x);
          } else {
            bool ok = set_add(I, as_set(target), x);
            decref(x);
            if (!ok) {
              decref(it);
              goto error;
            }
          }
        }
        decref(it);
        break;
      }
      case DICT_UPDATE:
      op_DICT_UPDATE:
      case DICT_MERGE:
      op_DICT_MERGE : {
        Value src = POP();
        if (Dict* items = attrdict_storage(src)) {  // {**d} and f(**d) with a _dict
          Value mapping = Value::object(items);
          incref(mapping);
          decref(src);
          src = mapping;
        }
        Dict* target = as_dict(sp[-static_cast<std::ptrdiff_t>(arg)]);
        std::string fn = op_of(word) == DICT_MERGE
                             ? function_str(sp[-static_cast<std::ptrdiff_t>(arg) - 2])
                             : "";
        if (!is_dict(src)) {
          std::string msg = op_of(word) == DICT_MERGE
                                ? fn + " argument after ** must be a mapping, not " + type_name(src)
                                : "'" + type_name(src) + "' object is not a mapping";
          decref(src);
          raise(I, types().TypeError, msg);
          goto error;
        }
        bool ok = true;
        for (auto& e : as_dict(src)->table.entries) {
          if (e.key.is_undef()) continue;
          if (op_of(word) == DICT_MERGE) {
            bool err = false;
            if (!dict_get(I, target, e.key, err).is_undef()) {
              std::string key_text;
              str_into(I, e.key, key_text);
              raise(I, types().TypeError,
                    fn + " got multiple values for keyword argument '" + key_text + "'");
              ok = false;
              break;
            }
          }
          if (!dict_set(I, target, e.key, e.value)) {
            ok = false;
            break;
          }
        }
        decref(src);
        if (!ok) goto error;
        break;
      }
      case LIST_TO_TUPLE:
      op_LIST_TO_TUPLE : {
        List* l = as_list(TOP());
        Value t = new_tuple_from(I, l->items.data(), l->items.size());
        decref(TOP());
        TOP() = t;
        break;
      }
      case UNPACK_SEQUENCE:
      op_UNPACK_SEQUENCE : {
        Value seq = POP();
        std::size_t n = arg;
        const Value* items = nullptr;
        std::size_t size = 0;
        if (is_tuple(seq)) {
          items = as_tuple(seq)->items();
          size = as_tuple(seq)->size;
        } else if (is_list(seq)) {
          items = as_list(seq)->items.data();
          size = as_list(seq)->items.size();
        }
        if (items) {
          if (size != n) {
            decref(seq);
            if (size > n)
              raise(I, types().ValueError,
                    "too many values to unpack (expected " + std::to_string(n) + ")");
            else
              raise(I, types().ValueError,
                    "not enough values to unpack (expected " + std::to_string(n) + ", got " +
                        std::to_string(size) + ")");
            goto error;
          }
          for (std::size_t i = 0; i < n; ++i) {
            incref(items[n - 1 - i]);
            PUSH(items[n - 1 - i]);
          }
          decref(seq);
          break;
        }
        SAVE();
        std::vector<Value> got;
        if (!collect_for_unpack(I, seq, got, n + 1)) goto error;
        if (got.size() != n) {
          std::size_t g = got.size();
          for (auto& v : got) decref(v);
          if (g > n)
            raise(I, types().ValueError,
                  "too many values to unpack (expected " + std::to_string(n) + ")");
          else
            raise(I, types().ValueError,
                  "not enough values to unpack (expected " + std::to_string(n) + ", got " +
                      std::to_string(g) + ")");
          goto error;
        }
        for (std::size_t i = 0; i < n; ++i) PUSH(got[n - 1 - i]);
        break;
      }
      case UNPACK_EX:
      op_UNPACK_EX : {
        std::size_t before = arg & 0xfff, after = arg >> 12;
        Value seq = POP();
        SAVE();
        std::vector<Value> got;
        if (!collect_for_unpack(I, seq, got, SIZE_MAX)) goto error;
        if (got.size() < before + after) {
          std::size_t g = got.size();
          for (auto& v : got) decref(v);
          raise(I, types().ValueError,
                "not enough values to unpack (expected at least " + std::to_string(before + after) +
                    ", got " + std::to_string(g) + ")");
          goto error;
        }
        std::size_t mid = got.size() - before - after;
        for (std::size_t i = 0; i < after; ++i) PUSH(got[got.size() - 1 - i]);
        List* l = alloc_list(I, mid);
        l->items.assign(got.begin() + before, got.begin() + before + mid);
        PUSH(Value::object(l));
        for (std::size_t i = 0; i < before; ++i) PUSH(got[before - 1 - i]);
        break;
      }
      case GET_ITER:
      op_GET_ITER : {
        Value v = TOP();
        SAVE();
        Value it = get_iter(I, v);
        CHECK(it);
        decref(v);
        TOP() = it;
        break;
      }
      case FOR_ITER:
      op_FOR_ITER : {
        Value it = TOP();
        auto* iter = static_cast<Iter*>(it.o);
        if (it.o->kind == Kind::Iter && iter->sub == IterKind::Range) {
          if (iter->end > 0) {
            put_int(*sp++, iter->index);
            --iter->end;
            // Wraps only past the last item (see IterKind::Range in protocols.cpp).
            iter->index = static_cast<std::int64_t>(static_cast<std::uint64_t>(iter->index) +
                                                    static_cast<std::uint64_t>(iter->step));
          } else {
            decref(POP());
            ip = ops0 + arg;
          }
          break;
        }
        if (it.o->kind == Kind::Iter && iter->sub == IterKind::Seq && is_list(iter->src)) {
          auto& items = as_list(iter->src)->items;
          if (iter->index < static_cast<std::int64_t>(items.size())) {
            Value v = items[iter->index++];
            incref(v);
            PUSH(v);
          } else {
            decref(POP());
            ip = ops0 + arg;
          }
          break;
        }
        if (it.o->kind == Kind::Generator) {
          // Resume the generator in this loop (no native recursion); its
          // YIELD_VALUE / RETURN_VALUE come back to this instruction's frame.
          auto* g = static_cast<Generator*>(it.o);
          if (!g->running && !g->finished && static_cast<int>(I.frames.size()) < I.max_depth) {
            SAVE();
            push_generator_frame(I, g, Value::none(), true, false);
            LOAD_FRAME();
            break;
          }
        }
        SAVE();
        Value v = iter_next(I, it);
        if (v.is_exc()) goto error;
        if (v.is_undef()) {
          decref(POP());
          ip = ops0 + arg;
        } else {
          PUSH(v);
        }
        break;
      }
      case JUMP:
      op_JUMP:
        if (arg <= static_cast<std::uint32_t>(ip - ops0)) {
          if (--I.steps_left < 0 || I.heap.over_limit() ||
              (I.cancel && I.cancel->load(std::memory_order_relaxed)) || I.heap.finalizers_due()) {
            SAVE();
            if (!check_limits(I) || !at_safe_point(I)) goto error;
          }
        }
        ip = ops0 + arg;
        break;
      case POP_JUMP_IF_FALSE:
      op_POP_JUMP_IF_FALSE:
      case POP_JUMP_IF_TRUE:
      op_POP_JUMP_IF_TRUE : {
        Value v = POP();
        int t;
        if (v.tag == Tag::Bool) {
          t = v.b;
        } else {
          SAVE();
          t = truthy(I, v);
          decref(v);
          if (t < 0) goto error;
        }
        if ((t != 0) == (op_of(word) == POP_JUMP_IF_TRUE)) ip = ops0 + arg;
        break;
      }
      case JUMP_IF_FALSE_OR_POP:
      op_JUMP_IF_FALSE_OR_POP:
      case JUMP_IF_TRUE_OR_POP:
      op_JUMP_IF_TRUE_OR_POP : {
        Value v = TOP();
        SAVE();
        int t = truthy(I, v);
        if (t < 0) goto error;
        if ((t != 0) == (op_of(word) == JUMP_IF_TRUE_OR_POP)) {
          ip = ops0 + arg;
        } else {
          decref(POP());
        }
        break;
      }
      case RETURN_VALUE:
      op_RETURN_VALUE : {
        Value result = POP();
        while (sp > L) decref(*--sp);
        if (f->gen) {
          Generator* gen = f->gen;
          gen->finished = true;
          gen->running = false;
          gen->live = 0;
          bool entry = f->entry;
          I.frames.pop_back();
          if (entry) {
            // The return value travels as the StopIteration value (next(),
            // send()) or the value of `yield from`.
            assign(I.stop_value, result);
            return Value();
          }
          // Resumed in place by the caller's FOR_ITER (the loop ends) or
          // YIELD_FROM (the delegation's value is the return value).
          LOAD_FRAME();
          std::uint32_t resumer = ip[-1];
          decref(POP());
          if (op_of(resumer) == YIELD_FROM) {
            PUSH(result);
          } else {
            decref(result);
          }
          ip = ops0 + arg_of(resumer);
          break;
        }
        for (Value* p = f->base; p < L; ++p) decref(*p);
        bool entry = f->entry;
        Value* result_to = f->result_to;
        I.stack_top = f->saved_top;
        I.frames.pop_back();
        if (entry) return result;
        LOAD_FRAME();
        *result_to = result;
        sp = result_to + 1;
        break;
      }
      case MAKE_FUNCTION:
      op_MAKE_FUNCTION : {
        Function* fn = I.heap.make<Function>();
        fn->code = code->program->codes[arg >> 3].get();
        if (arg & kFnClosure) fn->closure = POP();
        if (arg & kFnKwDefaults) fn->kwdefaults = POP();
        if (arg & kFnDefaults) fn->defaults = POP();
        PUSH(Value::object(fn));
        break;
      }
      case MAKE_CELL:
      op_MAKE_CELL:
        break;
      case FORMAT_VALUE:
      op_FORMAT_VALUE : {
        Value spec = (arg & kFmtSpec) ? POP() : Value();
        Value v = TOP();
        SAVE();
        Value converted;
        switch (arg & 3) {
          case 1:
            converted = to_str(I, v);
            break;
          case 2:
            converted = repr(I, v);
            break;
          case 3:
            converted = ascii_repr(I, v);
            break;
          default:
            incref(v);
            converted = v;
            break;
        }
        if (converted.is_exc()) {
          decref(spec);
          goto error;
        }
        Value r;
        if (spec.is_undef() && is_str(converted)) {
          r = converted;
        } else if (spec.is_undef()) {
          r = format_value(I, converted, nullptr);
          decref(converted);
        } else {
          r = format_value(I, converted, as_str(spec));
          decref(converted);
        }
        decref(spec);
        CHECK(r);
        decref(v);
        TOP() = r;
        break;
      }
      case SETUP_FINALLY:
      op_SETUP_FINALLY:
        I.blocks.push_back(Block{Block::Setup, arg,
                                 static_cast<std::uint32_t>(sp - (L + code->nlocals)), Value()});
        break;
      case POP_BLOCK:
      op_POP_BLOCK:
        I.blocks.pop_back();
        break;
      case POP_EXCEPT:
      op_POP_EXCEPT : {
        Block b = I.blocks.back();
        I.blocks.pop_back();
        decref(I.handled);
        I.handled = b.prev_exc;
        break;
      }
      case RERAISE:
      op_RERAISE : {
        Value exc = POP();
        decref(I.pending);
        I.pending = exc;
        reraise = true;
        goto error;
      }
      case RAISE_VARARGS:
      op_RAISE_VARARGS : {
        SAVE();
        if (arg == 0) {
          if (I.handled.is_undef() || I.handled.is_none()) {
            raise(I, types().RuntimeError, "No active exception to reraise");
            goto error;
          }
          incref(I.handled);
          raise_value(I, I.handled);
          reraise = true;
          goto error;
        }
        Value cause = arg == 2 ? POP() : Value();
        Value exc = POP();
        if (is_kind(exc, Kind::Type)) {
          Value made = call(I, exc, nullptr, 0, nullptr);
          decref(exc);
          if (made.is_exc()) {
            decref(cause);
            goto error;
          }
          exc = made;
        }
        if (!is_kind(exc, Kind::Instance) || !static_cast<Instance*>(exc.o)->cls->is_exception) {
          decref(exc);
          decref(cause);
          raise(I, types().TypeError, "exceptions must derive from BaseException");
          goto error;
        }
        if (arg == 2) {
          auto* in = static_cast<Instance*>(exc.o);
          if (is_kind(cause, Kind::Type)) {
            Value made = call(I, cause, nullptr, 0, nullptr);
            decref(cause);
            if (made.is_exc()) {
              decref(exc);
              goto error;
            }
            cause = made;
          }
          assign(in->cause, cause.is_none() ? Value() : cause);
          in->suppress_context = true;
        }
        raise_value(I, exc);
        goto error;
      }
      case JUMP_IF_NOT_EXC_MATCH:
      op_JUMP_IF_NOT_EXC_MATCH : {
        Value t = POP();
        Value exc = POP();
        bool match = false;
        bool bad = false;
        Type* et = type_of(exc);
        if (is_kind(t, Kind::Type)) {
          match = is_subtype(et, static_cast<Type*>(t.o));
          bad = !static_cast<Type*>(t.o)->is_exception;
        } else if (is_tuple(t)) {
          for (std::size_t i = 0; i < as_tuple(t)->size; ++i) {
            Value x = as_tuple(t)->items()[i];
            if (!is_kind(x, Kind::Type) || !static_cast<Type*>(x.o)->is_exception) {
              bad = true;
              break;
            }
            match |= is_subtype(et, static_cast<Type*>(x.o));
          }
        } else {
          bad = true;
        }
        decref(t);
        decref(exc);
        if (bad) {
          raise(I, types().TypeError,
                "catching classes that do not inherit from BaseException is not allowed");
          goto error;
        }
        if (!match) ip = ops0 + arg;
        break;
      }
      case YIELD_VALUE:
      op_YIELD_VALUE : {
        Value v = POP();
        Generator* gen = f->gen;
        gen->ip = static_cast<std::uint32_t>(ip - ops0);
        gen->live = static_cast<std::uint32_t>(sp - L);
        if (I.blocks.size() > f->block_base) {
          gen->blocks.assign(I.blocks.begin() + f->block_base, I.blocks.end());
          I.blocks.resize(f->block_base);
        }
        gen->running = false;
        bool entry = f->entry;
        I.frames.pop_back();
        if (entry) return v;
        // Resumed in place by the caller's FOR_ITER or YIELD_FROM: the value
        // lands on the caller's stack above the generator.
        LOAD_FRAME();
        PUSH(v);
        break;
      }
      case GET_YIELD_FROM_ITER:
      op_GET_YIELD_FROM_ITER : {
        Value v = TOP();
        if (!is_kind(v, Kind::Generator)) {
          SAVE();
          Value it = get_iter(I, v);
          CHECK(it);
          decref(v);
          TOP() = it;
        }
        break;
      }
      case YIELD_FROM:
      op_YIELD_FROM : {
        // Stack: delegate, value to send. Either the delegate yields (the
        // value replaces the sent one and YIELD_VALUE 1 follows) or it
        // finishes (both are replaced by its return value, jump to arg).
        Value sent = sp[-1];
        Value it = sp[-2];
        Value r;
        if (it.o->kind == Kind::Generator) {
          auto* g = static_cast<Generator*>(it.o);
          if (g->ip == 0 && !g->finished && !sent.is_none()) {
            raise(I, types().TypeError, "can't send non-None value to a just-started generator");
            goto error;
          }
          if (!g->running && !g->finished && static_cast<int>(I.frames.size()) < I.max_depth) {
            --sp;
            SAVE();
            push_generator_frame(I, g, sent, true, false);
            LOAD_FRAME();
            break;
          }
          SAVE();
          r = generator_resume(I, g, sent);
          if (r.is_undef()) {
            r = I.stop_value.is_undef() ? Value::none() : I.stop_value;
            I.stop_value = Value();
            decref(POP());
            decref(POP());
            PUSH(r);
            ip = ops0 + arg;
            break;
          }
        } else {
          SAVE();
          if (sent.is_none()) {
            r = iter_next(I, it);
          } else {
            r = call_method(I, it, "send", &sent, 1);
          }
          if (r.is_undef()) {
            decref(POP());
            decref(POP());
            PUSH(Value::none());
            ip = ops0 + arg;
            break;
          }
        }
        CHECK(r);
        decref(sent);
        sp[-1] = r;
        break;
      }
      case BUILD_CLASS:
      op_BUILD_CLASS : {
        std::size_t nbases = arg;
        Value* base = sp - nbases - 2;
        SAVE();
        Value cls = build_class(I, base[0], base[1], nbases ? base[2] : Value());
        for (Value* p = base; p < sp; ++p) decref(*p);
        sp = base;
        CHECK(cls);
        PUSH(cls);
        break;
      }
      case IMPORT_NAME:
      op_IMPORT_NAME : {
        Str* name = code->names[arg];
        Value m;
        if (I.import_hook) m = I.import_hook(I, name->view());
        if (m.is_exc()) goto error;
        if (m.is_undef()) {
          raise(I, types().ModuleNotFoundError,
                "No module named '" + std::string(name->view()) + "'");
          goto error;
        }
        PUSH(m);
        break;
      }
      case IMPORT_FROM:
      op_IMPORT_FROM : {
        Value m = TOP();
        Str* name = code->names[arg];
        Value v = get_attr(I, m, name);
        if (v.is_exc()) {
          decref(I.pending);
          I.pending = Value();
          std::string mod = is_kind(m, Kind::Module) ? static_cast<Module*>(m.o)->name : "?";
          raise(I, types().ImportError,
                "cannot import name '" + std::string(name->view()) + "' from '" + mod +
                    "' (unknown location)");
          goto error;
        }
        PUSH(v);
        break;
      }
      case LOAD_ASSERTION_ERROR:
      op_LOAD_ASSERTION_ERROR:
        PUSH(Value::object(types().AssertionError));
        break;
      case SETUP_WITH:
      op_SETUP_WITH : {
        Value mgr = TOP();
        SAVE();
        Value exit_fn = get_attr(I, mgr, as_str(intern("__exit__")));
        if (exit_fn.is_exc()) goto error;
        Value enter_fn = get_attr(I, mgr, as_str(intern("__enter__")));
        if (enter_fn.is_exc()) {
          decref(exit_fn);
          goto error;
        }
        Value entered = call0(I, enter_fn);
        decref(enter_fn);
        if (entered.is_exc()) {
          decref(exit_fn);
          goto error;
        }
        decref(mgr);
        TOP() = exit_fn;
        I.blocks.push_back(Block{Block::Setup, arg,
                                 static_cast<std::uint32_t>(sp - (L + code->nlocals)), Value()});
        PUSH(entered);
        break;
      }
      case WITH_EXIT:
      op_WITH_EXIT : {
        SAVE();
        if (arg == 0) {
          Value exit_fn = POP();
          Value args[3] = {Value::none(), Value::none(), Value::none()};
          Value r = call(I, exit_fn, args, 3, nullptr);
          decref(exit_fn);
          CHECK(r);
          decref(r);
        } else {
          Value exc = sp[-1];
          Value exit_fn = sp[-2];
          Instance* tb = I.heap.make<Instance>();
          tb->cls = types().traceback;
          Value args[3] = {Value::object(type_of(exc)), exc, Value::object(tb)};
          Value r = call(I, exit_fn, args, 3, nullptr);
          decref(args[2]);
          CHECK(r);
          int t = truthy(I, r);
          decref(r);
          if (t < 0) goto error;
          PUSH(Value::boolean(t != 0));
        }
        break;
      }
      case LOAD_SUPER:
      op_LOAD_SUPER : {
        Value self = POP();
        if (!f->func->owner) {
          decref(self);
          raise(I, types().RuntimeError, "super(): __class__ cell not found");
          goto error;
        }
        Super* s = I.heap.make<Super>();
        s->self = self;
        s->start = f->func->owner;
        incref(Value::object(s->start));
        PUSH(Value::object(s));
        break;
      }
      default:
        raise(I, types().SystemError, std::string("bad opcode ") + op_name(op_of(word)));
        goto error;
    }
    continue;

  error:
    SAVE();
    if (!reraise) {
      add_traceback(I, *f);
      set_context(I);
    }
    reraise = false;
    for (;;) {
      bool handled = false;
      while (I.blocks.size() > f->block_base) {
        Block b = I.blocks.back();
        I.blocks.pop_back();
        if (b.kind == Block::Handler) {
          decref(I.handled);
          I.handled = b.prev_exc;
          continue;
        }
        if (I.uncatchable) continue;
        Value* target = L + code->nlocals + b.level;
        while (sp > target) decref(*--sp);
        Value exc = I.pending;
        I.pending = Value();
        I.blocks.push_back(Block{Block::Handler, 0, 0, I.handled});
        incref(exc);
        I.handled = exc;
        PUSH(exc);
        ip = ops0 + b.handler;
        f->sp = sp;
        handled = true;
        break;
      }
      if (handled) break;
      // No handler in this frame: pop it.
      while (sp > L) decref(*--sp);
      if (f->gen) {
        f->gen->finished = true;
        f->gen->running = false;
        f->gen->live = 0;
        if (!I.uncatchable && isinstance(I.pending, types().StopIteration)) {
          // PEP 479: a StopIteration escaping a generator becomes RuntimeError.
          Value stop = I.pending;
          I.pending = Value();
          raise(I, types().RuntimeError, "generator raised StopIteration");
          auto* in = static_cast<Instance*>(I.pending.o);
          incref(stop);
          in->cause = stop;
          in->context = stop;
          in->suppress_context = true;
        }
        bool entry = f->entry;
        I.frames.pop_back();
        if (entry) return Value::exc();
        LOAD_FRAME();
        add_traceback(I, *f);
        continue;
      }
      for (Value* p = f->base; p < L; ++p) decref(*p);
      bool entry = f->entry;
      Value* result_to = f->result_to;
      I.stack_top = f->saved_top;
      I.frames.pop_back();
      if (entry) return Value::exc();
      LOAD_FRAME();
      sp = result_to;
      f->sp = sp;
      add_traceback(I, *f);
    }
  }
}

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

}  // namespace quire::lang
