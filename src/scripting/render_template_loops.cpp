// `{% for %}` loops and their `loop` variable, as jinja2.runtime.LoopContext:
// index/index0/revindex/revindex0/first/last/length, depth/depth0,
// previtem/nextitem, cycle(), changed(), and for a `recursive` loop the call
// `loop(children)`, which renders the same body one level deeper and returns
// the text.
//
// The `loop` value is one object per loop run (its index advances, as
// Jinja's does). Like a macro it holds only an id: the id maps to the run's
// state in a per-thread table the run empties when it ends, so a `loop`
// kept in a script value raises an error instead of reaching a finished
// walk.
// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <atomic>
#include <unordered_map>

#include "lang/sandbox/host.h"
#include "scripting/native_util.h"
#include "scripting/render_template_eval.h"
#include "scripting/render_template_markup.h"

namespace quire::scripting::jinja {

using namespace quire::lang;

struct LoopEntry {
  Evaluator* evaluator;
  const Node* node;
  ScopeChain chain;          // the scopes open where the loop began
  std::vector<Value> items;  // owned: the items iterated (after the loop's `if`)
  std::size_t index0 = 0;
  int depth = 1;
  Value last_changed;  // owned: the tuple changed() saw last (Undef: none yet)
  bool autoescape;     // escape_output where the loop stands (loop() renders with it)
};

namespace {

struct LoopId {
  std::uint64_t id;
};

thread_local std::unordered_map<std::uint64_t, LoopEntry> t_loops;
std::atomic<std::uint64_t> g_next_loop_id{1};

const host::ValueType& loop_type();

LoopEntry* entry_of(Isolate& I, Value self) {
  LoopId l{};
  if (!host::payload_as(self, loop_type().type, l)) {
    raise(I, types().TypeError, "expected a loop");
    return nullptr;
  }
  auto it = t_loops.find(l.id);
  if (it == t_loops.end()) {
    raise(I, template_error_type(), "a loop variable can only be used while its loop runs");
    return nullptr;
  }
  return &it->second;
}

std::int64_t length_of(const LoopEntry& e) {
  return static_cast<std::int64_t>(e.items.size());
}

// A property of the loop computed from its state (no exception possible).
template <Value (*kGet)(Isolate&, const LoopEntry&)>
QUIRE_NATIVE(loop_property) {
  LoopEntry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  return kGet(I, *e);
}

Value index(Isolate&, const LoopEntry& e) {
  return Value::integer(static_cast<std::int64_t>(e.index0) + 1);
}
Value index0(Isolate&, const LoopEntry& e) {
  return Value::integer(static_cast<std::int64_t>(e.index0));
}
Value revindex(Isolate&, const LoopEntry& e) {
  return Value::integer(length_of(e) - static_cast<std::int64_t>(e.index0));
}
Value revindex0(Isolate&, const LoopEntry& e) {
  return Value::integer(length_of(e) - static_cast<std::int64_t>(e.index0) - 1);
}
Value first(Isolate&, const LoopEntry& e) {
  return Value::boolean(e.index0 == 0);
}
Value last(Isolate&, const LoopEntry& e) {
  return Value::boolean(e.index0 + 1 == e.items.size());
}
Value length(Isolate&, const LoopEntry& e) {
  return Value::integer(length_of(e));
}
Value depth(Isolate&, const LoopEntry& e) {
  return Value::integer(e.depth);
}
Value depth0(Isolate&, const LoopEntry& e) {
  return Value::integer(e.depth - 1);
}
Value previtem(Isolate& I, const LoopEntry& e) {
  if (e.index0 == 0) return undefined_hint(I, "there is no previous item");
  Value v = e.items[e.index0 - 1];
  incref(v);
  return v;
}
Value nextitem(Isolate& I, const LoopEntry& e) {
  if (e.index0 + 1 >= e.items.size()) return undefined_hint(I, "there is no next item");
  Value v = e.items[e.index0 + 1];
  incref(v);
  return v;
}

// loop.cycle(*values): the value at index0 modulo their number.
QUIRE_NATIVE(loop_cycle) {
  LoopEntry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  if (kwnames && kwnames->size) return raise(I, types().TypeError, "cycle() takes no keywords");
  if (nargs < 2) return raise(I, types().TypeError, "no items for cycling given");
  Value v = args[1 + e->index0 % (nargs - 1)];
  incref(v);
  return v;
}

// loop.changed(*values): True when the values differ from the last call's.
QUIRE_NATIVE(loop_changed) {
  LoopEntry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  if (kwnames && kwnames->size) return raise(I, types().TypeError, "changed() takes no keywords");
  Value now = new_tuple_from(I, args + 1, nargs - 1);
  if (now.is_exc()) return now;
  if (!e->last_changed.is_undef()) {
    int same = equals(I, e->last_changed, now);
    if (same != 0) {
      decref(now);
      return same < 0 ? Value::exc() : Value::boolean(false);
    }
  }
  lang::assign(e->last_changed, now);
  return Value::boolean(true);
}

QUIRE_NATIVE(loop_repr) {
  LoopEntry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  return new_str(I, "<LoopContext " + std::to_string(e->index0 + 1) + "/" +
                        std::to_string(e->items.size()) + ">");
}

// loop(iterable): a recursive loop's body over `iterable`, one level deeper.
QUIRE_NATIVE(loop_call) {
  LoopEntry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  if (!e->node->recursive) {
    return raise(I, types().TypeError,
                 "The loop must have the 'recursive' marker to be called recursively.");
  }
  // Python's wording for LoopContext.__call__(self, iterable).
  if (kwnames && kwnames->size) {
    return raise(I, types().TypeError,
                 "LoopContext.__call__() got an unexpected keyword argument '" +
                     std::string(as_str(kwnames->items()[0])->view()) + "'");
  }
  if (nargs < 2) {
    return raise(I, types().TypeError,
                 "LoopContext.__call__() missing 1 required positional argument: 'iterable'");
  }
  if (nargs > 2) {
    return raise(I, types().TypeError,
                 "LoopContext.__call__() takes 2 positional arguments but " +
                     std::to_string(nargs) + " were given");
  }
  return e->evaluator->call_loop(*e, args[1]);
}

const host::ValueType& loop_type() {
  static const host::ValueType t = [] {
    host::ValueType l = host::define_value_type("jinja2.runtime.LoopContext");
    host::define_special(l, "__call__", loop_call);
    host::define_special(l, "__repr__", loop_repr);
    host::define_special(l, "__str__", loop_repr);
    host::define_property(l, "index", loop_property<index>);
    host::define_property(l, "index0", loop_property<index0>);
    host::define_property(l, "revindex", loop_property<revindex>);
    host::define_property(l, "revindex0", loop_property<revindex0>);
    host::define_property(l, "first", loop_property<first>);
    host::define_property(l, "last", loop_property<last>);
    host::define_property(l, "length", loop_property<length>);
    host::define_property(l, "depth", loop_property<depth>);
    host::define_property(l, "depth0", loop_property<depth0>);
    host::define_property(l, "previtem", loop_property<previtem>);
    host::define_property(l, "nextitem", loop_property<nextitem>);
    host::define_method(l, "cycle", loop_cycle);
    host::define_method(l, "changed", loop_changed);
    return l;
  }();
  return t;
}

}  // namespace

// The items of `iterable` that pass the loop's `if` (evaluated with the
// target bound, before the body runs: loop.length counts what passes).
bool Evaluator::loop_items(const Node& n, Value iterable, std::vector<Value>& items) {
  Owned all(lang::call(I_, builtin_value(builtin_index("list")), &iterable, 1));
  if (all.failed()) return false;
  std::vector<Value> source = as_list(all.v)->items;
  for (Value v : source) incref(v);
  ReleaseAll release_source{source};
  for (Value v : source) {
    if (n.filter) {
      push_scope();
      bool ok = assign(n, v);
      Value keep = ok ? eval(*n.filter) : Value::exc();
      pop_scope();
      if (keep.is_exc()) return false;
      int t = truthy(I_, keep);
      decref(keep);
      if (t < 0) return false;
      if (!t) continue;
    }
    incref(v);
    items.push_back(v);
  }
  return true;
}

bool Evaluator::render_for(const Node& n, std::string& out) {
  Owned iterable(eval(*n.expr));
  if (iterable.failed()) return false;
  return render_loop(n, iterable.v, 1, out);
}

bool Evaluator::render_loop(const Node& n, Value iterable, int loop_depth, std::string& out) {
  std::vector<Value> items;
  if (!loop_items(n, iterable, items)) {
    for (Value v : items) decref(v);
    return false;
  }
  if (items.empty()) return render(n.else_body, out);
  const std::uint64_t id = g_next_loop_id.fetch_add(1, std::memory_order_relaxed);
  LoopEntry& entry = t_loops
                         .emplace(id, LoopEntry{this, &n, scopes_, std::move(items), 0, loop_depth,
                                                Value(), escape_output})
                         .first->second;
  struct Forget {
    std::uint64_t id;
    ~Forget() {
      auto it = t_loops.find(id);
      for (Value v : it->second.items) decref(v);
      decref(it->second.last_changed);
      t_loops.erase(it);
    }
  } forget{id};
  Owned loop(host::new_value(I_, loop_type(), LoopId{id}));
  if (loop.failed()) return false;
  // iter_next charges each item a step and checks the deadline, as a loop
  // back-edge does.
  Owned item_list(new_list_from(I_, entry.items.data(), entry.items.size()));
  Owned it(get_iter(I_, item_list.v));
  if (it.failed()) return false;
  for (std::size_t i = 0; i < entry.items.size(); ++i) {
    Owned current_item(iter_next(I_, it.v));
    if (current_item.failed()) return false;
    entry.index0 = i;
    push_scope();
    struct Pop {
      Evaluator& ev;
      ~Pop() { ev.pop_scope(); }
    } pop{*this};
    if (!set_name("loop", loop.v) || !assign(n, current_item.v)) return false;
    if (!render(n.body, out)) return false;
  }
  return true;
}

Value Evaluator::call_loop(const LoopEntry& e, Value iterable) {
  if (!enter_nested_call(I_)) return Value::exc();
  const Node& node = *e.node;
  const int next_depth = e.depth + 1;
  ScopeChain saved = std::move(scopes_);
  const bool saved_escape = escape_output;
  scopes_ = e.chain;
  escape_output = e.autoescape;
  std::string out;
  bool ok = render_loop(node, iterable, next_depth, out);
  scopes_ = std::move(saved);
  escape_output = saved_escape;
  leave_nested_call();
  if (!ok) return Value::exc();
  // jinja2 returns the inner levels' text as Markup where it autoescapes.
  return e.autoescape ? new_markup(I_, out) : new_str(I_, out);
}

}  // namespace quire::scripting::jinja
