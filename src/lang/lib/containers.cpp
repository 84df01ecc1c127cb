// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// list, tuple, dict, set: constructors and methods.

#include <algorithm>

#include "lang/lib/attrdict.h"
#include "lang/lib/list_sort.h"
#include "lang/lib/register.h"
#include "lang/lib/scratch_items.h"
#include "lang/lib/text_bridge.h"
#include "lang/object/range.h"
#include "lang/object/runtime.h"
#include "lang/sandbox/host.h"
#include "lang/sandbox/work.h"

namespace quire::lang {

bool collect_iterable(Isolate& I, Value iterable, ScratchItems& out);

namespace {

Value none() {
  return Value::none();
}

Value arity(Isolate& I, const char* name, std::size_t expected, std::size_t given) {
  if (expected == 0)
    return raise(I, types().TypeError,
                 std::string(name) + "() takes no arguments (" + std::to_string(given) + " given)");
  return raise(
      I, types().TypeError,
      std::string(name) + "() takes exactly one argument (" + std::to_string(given) + " given)");
}

// ------------------------------------------------------------- list

Value l_append(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 2) return arity(I, "list.append", 1, n - 1);
  incref(a[1]);
  list_append(I, as_list(a[0]), a[1]);
  return none();
}

Value l_extend(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 2) return arity(I, "list.extend", 1, n - 1);
  ScratchItems items(I);
  if (!collect_iterable(I, a[1], items)) return Value::exc();
  // One move of the list's storage, which must fit beside the collected items.
  List* l = as_list(a[0]);
  const std::size_t total = l->items.size() + items.size();
  if (total > l->items.capacity()) {
    if (!sandbox::room_for(I, total * sizeof(Value))) {
      for (Value v : items) decref(v);
      return Value::exc();
    }
    l->items.reserve(total);
    list_sync_charge(I, l);
  }
  for (Value v : items) list_append(I, l, v);
  return none();
}

Value l_insert(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 3)
    return raise(I, types().TypeError, "insert expected 2 arguments, got " + std::to_string(n - 1));
  std::int64_t i;
  if (!to_int64(I, a[1], i, "list indices")) return Value::exc();
  auto& items = as_list(a[0])->items;
  std::int64_t size = static_cast<std::int64_t>(items.size());
  if (i < 0) i = std::max<std::int64_t>(0, i + size);
  if (i > size) i = size;
  incref(a[2]);
  if (!list_append(I, as_list(a[0]), a[2])) {  // grows with accounting
    check_limits(I);
    return Value::exc();
  }
  std::rotate(items.begin() + i, items.end() - 1, items.end());
  return none();
}

Value l_pop(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n > 2)
    return raise(I, types().TypeError,
                 "pop expected at most 1 argument, got " + std::to_string(n - 1));
  auto& items = as_list(a[0])->items;
  if (items.empty()) return raise(I, types().IndexError, "pop from empty list");
  std::int64_t i = static_cast<std::int64_t>(items.size()) - 1;
  if (n == 2) {
    if (!to_int64(I, a[1], i, "list indices")) return Value::exc();
    if (i < 0) i += static_cast<std::int64_t>(items.size());
    if (i < 0 || i >= static_cast<std::int64_t>(items.size()))
      return raise(I, types().IndexError, "pop index out of range");
  }
  Value v = items[i];
  items.erase(items.begin() + i);
  return v;
}

Value l_remove(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 2) return arity(I, "list.remove", 1, n - 1);
  auto& items = as_list(a[0])->items;
  for (std::size_t i = 0; i < items.size(); ++i) {
    int e = equals(I, items[i], a[1]);
    if (e < 0) return Value::exc();
    if (e) {
      Value v = items[i];
      items.erase(items.begin() + i);
      decref(v);
      return none();
    }
  }
  return raise(I, types().ValueError, "list.remove(x): x not in list");
}

Value seq_index(Isolate& I, const Value* items, std::size_t size, Value* a, std::size_t n,
                const char* what) {
  if (n < 2 || n > 4)
    return raise(I, types().TypeError,
                 "index expected at least 1 argument, got " + std::to_string(n - 1));
  std::int64_t start = 0, stop = static_cast<std::int64_t>(size);
  if (n > 2 && !to_int64(I, a[2], start, "slice indices")) return Value::exc();
  if (n > 3 && !to_int64(I, a[3], stop, "slice indices")) return Value::exc();
  std::int64_t s = static_cast<std::int64_t>(size);
  if (start < 0) start = std::max<std::int64_t>(0, start + s);
  if (stop < 0) stop = std::max<std::int64_t>(0, stop + s);
  for (std::int64_t i = start; i < std::min(stop, s); ++i) {
    int e = equals(I, items[i], a[1]);
    if (e < 0) return Value::exc();
    if (e) return Value::integer(i);
  }
  if (std::string(what) == "list") {
    std::string r;
    if (!repr_into(I, a[1], r)) return Value::exc();
    return raise(I, types().ValueError, r + " is not in list");
  }
  return raise(I, types().ValueError, "tuple.index(x): x not in tuple");
}

Value l_index(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  auto& items = as_list(a[0])->items;
  return seq_index(I, items.data(), items.size(), a, n, "list");
}

Value seq_count(Isolate& I, const Value* items, std::size_t size, Value x) {
  std::int64_t c = 0;
  for (std::size_t i = 0; i < size; ++i) {
    int e = equals(I, items[i], x);
    if (e < 0) return Value::exc();
    c += e;
  }
  return Value::integer(c);
}

Value l_count(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 2) return arity(I, "list.count", 1, n - 1);
  auto& items = as_list(a[0])->items;
  return seq_count(I, items.data(), items.size(), a[1]);
}

Value l_copy(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1) return arity(I, "list.copy", 0, n - 1);
  auto& items = as_list(a[0])->items;
  if (!sandbox::room_for(I, items.size() * sizeof(Value))) return Value::exc();
  return new_list_from(I, items.data(), items.size());
}

Value l_clear(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1) return arity(I, "list.clear", 0, n - 1);
  std::vector<Value> old;
  old.swap(as_list(a[0])->items);
  for (Value v : old) decref(v);
  return none();
}

Value l_reverse(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1) return arity(I, "list.reverse", 0, n - 1);
  auto& items = as_list(a[0])->items;
  std::reverse(items.begin(), items.end());
  return none();
}

Value l_sort(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  if (n != 1) return raise(I, types().TypeError, "sort() takes no positional arguments");
  Value key, rev;
  for (std::size_t k = 0; kw && k < kw->size; ++k) {
    std::string_view name = as_str(kw->items()[k])->view();
    if (name == "key")
      key = a[n + k];
    else if (name == "reverse")
      rev = a[n + k];
    else
      return raise(I, types().TypeError,
                   "'" + std::string(name) + "' is an invalid keyword argument for sort()");
  }
  int r = rev.is_undef() ? 0 : truthy(I, rev);
  if (r < 0) return Value::exc();
  return list_sort(I, as_list(a[0]), key, r != 0);
}

// ------------------------------------------------------------- tuple

Value t_index(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  Tuple* t = as_tuple(a[0]);
  return seq_index(I, t->items(), t->size, a, n, "tuple");
}
Value t_count(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 2) return arity(I, "tuple.count", 1, n - 1);
  Tuple* t = as_tuple(a[0]);
  return seq_count(I, t->items(), t->size, a[1]);
}

// ------------------------------------------------------------- dict

Value d_get(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n < 2 || n > 3)
    return raise(I, types().TypeError,
                 "get expected at least 1 argument, got " + std::to_string(n - 1));
  bool err;
  Value v = dict_get(I, as_dict(a[0]), a[1], err);
  if (err) return Value::exc();
  if (v.is_undef()) v = n == 3 ? a[2] : Value::none();
  incref(v);
  return v;
}

Value make_view(Isolate& I, Value d, ViewKind which) {
  DictView* v = I.heap.make<DictView>();
  incref(d);
  v->dict = d;
  v->which = which;
  return Value::object(v);
}

Value d_items(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1) return arity(I, "dict.items", 0, n - 1);
  return make_view(I, a[0], ViewKind::Items);
}
Value d_keys(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1) return arity(I, "dict.keys", 0, n - 1);
  return make_view(I, a[0], ViewKind::Keys);
}
Value d_values(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1) return arity(I, "dict.values", 0, n - 1);
  return make_view(I, a[0], ViewKind::Values);
}

bool update_from(Isolate& I, Dict* d, Value src) {
  if (Dict* items = attrdict_storage(src)) src = Value::object(items);  // _dict is a mapping
  if (is_dict(src)) {
    std::vector<HashTable::Entry> entries = as_dict(src)->table.entries;
    for (auto& e : entries)
      if (!e.key.is_undef() && !dict_set(I, d, e.key, e.value)) return false;
    return true;
  }
  if (is_user_instance(src)) {
    // A mapping: anything with keys() (CPython's dict_update_arg).
    Value name = new_str(I, "keys");
    Value keys = get_attr_default(I, src, as_str(name), Value());
    decref(name);
    if (keys.is_exc()) return false;
    if (!keys.is_undef()) {
      ScratchItems ks(I);
      Value listed = call0(I, keys);
      decref(keys);
      bool ok = !listed.is_exc() && collect_iterable(I, listed, ks);
      if (!listed.is_exc()) decref(listed);
      for (std::size_t i = 0; ok && i < ks.size(); ++i) {
        Value v = get_item(I, src, ks[i]);
        ok = !v.is_exc() && dict_set(I, d, ks[i], v);
        if (!v.is_exc()) decref(v);
      }
      for (Value k : ks) decref(k);
      return ok;
    }
  }
  ScratchItems items(I);
  if (!collect_iterable(I, src, items)) return false;
  bool ok = true;
  for (std::size_t i = 0; i < items.size() && ok; ++i) {
    ScratchItems pair(I);
    if (!collect_iterable(I, items[i], pair)) {
      decref(I.pending);
      I.pending = Value();
      raise(I, types().TypeError,
            "cannot convert dictionary update sequence element #" + std::to_string(i) +
                " to a sequence");
      ok = false;
      break;
    }
    if (pair.size() != 2) {
      raise(I, types().ValueError,
            "dictionary update sequence element #" + std::to_string(i) + " has length " +
                std::to_string(pair.size()) + "; 2 is required");
      ok = false;
    } else {
      ok = dict_set(I, d, pair[0], pair[1]);
    }
    for (auto& p : pair) decref(p);
  }
  for (auto& v : items) decref(v);
  return ok;
}

Value d_update(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  if (n > 2)
    return raise(I, types().TypeError,
                 "update expected at most 1 argument, got " + std::to_string(n - 1));
  Dict* d = as_dict(a[0]);
  if (n == 2 && !update_from(I, d, a[1])) return Value::exc();
  for (std::size_t k = 0; kw && k < kw->size; ++k)
    if (!dict_set(I, d, kw->items()[k], a[n + k])) return Value::exc();
  return none();
}

// dict.__init__, reached from a dict subclass: its own __init__ calling
// super().__init__(...), or construction of a subclass without one.
Value d_init(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  if (n > 2)
    return raise(I, types().TypeError,
                 "dict expected at most 1 argument, got " + std::to_string(n - 1));
  return d_update(I, a, n, kw, nullptr);
}

Value d_pop(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n < 2 || n > 3)
    return raise(I, types().TypeError,
                 "pop expected at least 1 argument, got " + std::to_string(n - 1));
  Dict* d = as_dict(a[0]);
  bool err;
  Value v = dict_get(I, d, a[1], err);
  if (err) return Value::exc();
  if (v.is_undef()) {
    if (n == 3) {
      incref(a[2]);
      return a[2];
    }
    return raise_key_error(I, a[1]);
  }
  incref(v);
  if (dict_del(I, d, a[1]) < 0) {
    decref(v);
    return Value::exc();
  }
  return v;
}

Value d_popitem(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1) return arity(I, "dict.popitem", 0, n - 1);
  Dict* d = as_dict(a[0]);
  for (auto it = d->table.entries.rbegin(); it != d->table.entries.rend(); ++it) {
    if (it->key.is_undef()) continue;
    Tuple* t = alloc_tuple(I, 2);
    incref(it->key);
    incref(it->value);
    t->items()[0] = it->key;
    t->items()[1] = it->value;
    Value key = it->key;
    incref(key);
    dict_del(I, d, key);
    decref(key);
    return Value::object(t);
  }
  return raise(I, types().KeyError, "popitem(): dictionary is empty");
}

Value d_setdefault(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n < 2 || n > 3)
    return raise(I, types().TypeError,
                 "setdefault expected at least 1 argument, got " + std::to_string(n - 1));
  Dict* d = as_dict(a[0]);
  bool err;
  Value v = dict_get(I, d, a[1], err);
  if (err) return Value::exc();
  if (v.is_undef()) {
    v = n == 3 ? a[2] : Value::none();
    if (!dict_set(I, d, a[1], v)) return Value::exc();
  }
  incref(v);
  return v;
}

Value d_copy(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1) return arity(I, "dict.copy", 0, n - 1);
  Dict* d = alloc_dict(I);
  for (auto& e : as_dict(a[0])->table.entries)
    if (!e.key.is_undef() && !dict_set(I, d, e.key, e.value)) {
      decref(Value::object(d));
      return Value::exc();
    }
  return Value::object(d);
}

Value d_clear(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1) return arity(I, "dict.clear", 0, n - 1);
  Dict* d = as_dict(a[0]);
  std::vector<HashTable::Entry> old;
  old.swap(d->table.entries);
  d->table.index.clear();
  d->table.used = 0;
  for (auto& e : old) {
    decref(e.key);
    decref(e.value);
  }
  return none();
}

Value t_dict(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  if (n > 1)
    return raise(I, types().TypeError,
                 "dict expected at most 1 argument, got " + std::to_string(n));
  Dict* d = alloc_dict(I);
  Value dv = Value::object(d);
  if (n == 1 && !update_from(I, d, a[0])) {
    decref(dv);
    return Value::exc();
  }
  for (std::size_t k = 0; kw && k < kw->size; ++k)
    if (!dict_set(I, d, kw->items()[k], a[n + k])) return Value::exc();
  return dv;
}

Value d_fromkeys(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  // A classmethod: a[0] is the class (dict or a subclass, which D.fromkeys builds).
  if (kw && kw->size) return raise(I, types().TypeError, "fromkeys() takes no keyword arguments");
  if (n < 2 || n > 3)
    return raise(I, types().TypeError,
                 std::string(n < 2 ? "fromkeys expected at least 1 argument, got "
                                   : "fromkeys expected at most 2 arguments, got ") +
                     std::to_string(n - 1));
  ScratchItems keys(I);
  if (!collect_iterable(I, a[1], keys)) return Value::exc();
  Value dv = a[0].o == types().dict ? Value::object(alloc_dict(I)) : call0(I, a[0]);
  bool ok = !dv.is_exc();
  for (Value k : keys) {
    ok = ok && dict_set(I, as_dict(dv), k, n == 3 ? a[2] : Value::none());
    decref(k);
  }
  if (!ok) {
    decref(dv);
    return Value::exc();
  }
  return dv;
}

// ------------------------------------------------------------- set

Set* fresh_set(Isolate& I, Value src, bool& ok) {
  Set* s = alloc_set(I);
  ok = true;
  if (src.is_undef()) return s;
  ScratchItems items(I);
  if (!collect_iterable(I, src, items)) {
    ok = false;
    return s;
  }
  for (Value v : items) {
    if (ok && !set_add(I, s, v)) ok = false;
    decref(v);
  }
  return s;
}

Value t_set(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void* data) {
  bool frozen = data == types().frozenset;
  if (kw && kw->size)
    return raise(I, types().TypeError,
                 std::string(frozen ? "frozenset" : "set") + "() takes no keyword arguments");
  if (n > 1)
    return raise(I, types().TypeError,
                 std::string(frozen ? "frozenset" : "set") + " expected at most 1 argument, got " +
                     std::to_string(n));
  bool ok;
  Set* s = fresh_set(I, n ? a[0] : Value(), ok);
  if (frozen) s->kind = Kind::FrozenSet;
  if (!ok) {
    decref(Value::object(s));
    return Value::exc();
  }
  return Value::object(s);
}

Value s_add(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 2) return arity(I, "set.add", 1, n - 1);
  if (!set_add(I, as_set(a[0]), a[1])) return Value::exc();
  return none();
}

Value s_remove(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 2) return arity(I, "set.remove", 1, n - 1);
  int r = set_remove(I, as_set(a[0]), a[1]);
  if (r < 0) return Value::exc();
  if (r == 0) return raise_key_error(I, a[1]);
  return none();
}

Value s_discard(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 2) return arity(I, "set.discard", 1, n - 1);
  if (set_remove(I, as_set(a[0]), a[1]) < 0) return Value::exc();
  return none();
}

Value s_pop(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1) return arity(I, "set.pop", 0, n - 1);
  Set* s = as_set(a[0]);
  for (auto& e : s->table.entries) {
    if (e.key.is_undef()) continue;
    Value k = e.key;
    incref(k);
    set_remove(I, s, k);
    return k;
  }
  return raise(I, types().KeyError, "pop from an empty set");
}

Value s_copy(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1) return arity(I, "set.copy", 0, n - 1);
  Set* s = alloc_set(I, a[0].o->kind);
  for (auto& e : as_set(a[0])->table.entries)
    if (!e.key.is_undef() && !set_add(I, s, e.key)) {
      decref(Value::object(s));
      return Value::exc();
    }
  return Value::object(s);
}

Value s_clear(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1) return arity(I, "set.clear", 0, n - 1);
  Set* s = as_set(a[0]);
  std::vector<HashTable::Entry> old;
  old.swap(s->table.entries);
  s->table.index.clear();
  s->table.used = 0;
  for (auto& e : old) decref(e.key);
  return none();
}

// Set algebra with any iterables as arguments.
Value set_algebra(Isolate& I, Value* a, std::size_t n, int op, bool in_place) {
  Set* self = as_set(a[0]);
  Set* result = in_place ? self : alloc_set(I, a[0].o->kind);
  if (!in_place)
    for (auto& e : self->table.entries)
      if (!e.key.is_undef()) set_add(I, result, e.key);
  for (std::size_t i = 1; i < n; ++i) {
    bool ok;
    Set* other = fresh_set(I, a[i], ok);
    Value ov = Value::object(other);
    if (!ok) {
      decref(ov);
      if (!in_place) decref(Value::object(result));
      return Value::exc();
    }
    if (op == 0) {  // union
      for (auto& e : other->table.entries)
        if (!e.key.is_undef()) set_add(I, result, e.key);
    } else {
      std::vector<Value> drop;
      for (auto& e : result->table.entries) {
        if (e.key.is_undef()) continue;
        int in = set_contains(I, other, e.key);
        if ((op == 1 && !in) || (op == 2 && in)) drop.push_back(e.key);
      }
      if (op == 3) {  // symmetric difference
        for (auto& e : other->table.entries) {
          if (e.key.is_undef()) continue;
          if (set_contains(I, result, e.key)) drop.push_back(e.key);
        }
        std::vector<Value> add;
        for (auto& e : other->table.entries)
          if (!e.key.is_undef() && !set_contains(I, self, e.key)) add.push_back(e.key);
        for (Value v : drop) incref(v);
        for (Value v : drop) {
          set_remove(I, result, v);
          decref(v);
        }
        for (Value v : add) set_add(I, result, v);
        drop.clear();
      }
      for (Value v : drop) incref(v);
      for (Value v : drop) {
        set_remove(I, result, v);
        decref(v);
      }
    }
    decref(ov);
  }
  if (in_place) return none();
  return Value::object(result);
}

Value s_union(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return set_algebra(I, a, n, 0, false);
}
Value s_intersection(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return set_algebra(I, a, n, 1, false);
}
Value s_difference(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return set_algebra(I, a, n, 2, false);
}
Value s_symdiff(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return set_algebra(I, a, n, 3, false);
}
Value s_update(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return set_algebra(I, a, n, 0, true);
}
Value s_intersection_update(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return set_algebra(I, a, n, 1, true);
}
Value s_difference_update(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return set_algebra(I, a, n, 2, true);
}

Value s_relation(Isolate& I, Value* a, std::size_t n, int which) {
  if (n != 2) return raise(I, types().TypeError, "method takes exactly one argument");
  bool ok;
  Set* other = fresh_set(I, a[1], ok);
  Value ov = Value::object(other);
  if (!ok) {
    decref(ov);
    return Value::exc();
  }
  Set* self = as_set(a[0]);
  bool result = true;
  if (which == 0) {  // issubset
    for (auto& e : self->table.entries)
      if (!e.key.is_undef() && !set_contains(I, other, e.key)) result = false;
  } else if (which == 1) {  // issuperset
    for (auto& e : other->table.entries)
      if (!e.key.is_undef() && !set_contains(I, self, e.key)) result = false;
  } else {  // isdisjoint
    for (auto& e : self->table.entries)
      if (!e.key.is_undef() && set_contains(I, other, e.key)) result = false;
  }
  decref(ov);
  return Value::boolean(result);
}

Value s_issubset(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return s_relation(I, a, n, 0);
}
Value s_issuperset(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return s_relation(I, a, n, 1);
}
Value s_isdisjoint(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  return s_relation(I, a, n, 2);
}

Value s_symdiff_update(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 2) return arity(I, "set.symmetric_difference_update", 1, n - 1);
  Value r = set_algebra(I, a, n, 3, false);
  if (r.is_exc()) return r;
  std::swap(as_set(a[0])->table, as_set(r)->table);
  decref(r);
  return none();
}

// ------------------------------------------------------------- range, slice, bytes

Value r_count(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 2) return arity(I, "range.count", 1, n - 1);
  return range_count(I, static_cast<Range*>(a[0].o), a[1]);
}

Value r_index(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 2) return arity(I, "range.index", 1, n - 1);
  return range_index(I, static_cast<Range*>(a[0].o), a[1]);
}

Value sl_indices(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 2) return arity(I, "slice.indices", 1, n - 1);
  std::int64_t len;
  if (!to_int64(I, a[1], len, "slice indices")) return Value::exc();
  if (len < 0) return raise(I, types().ValueError, "length should not be negative");
  auto* s = static_cast<Slice*>(a[0].o);
  std::int64_t step = 1;
  if (!s->step.is_none() && !to_int64(I, s->step, step, "slice indices")) return Value::exc();
  if (step == 0) return raise(I, types().ValueError, "slice step cannot be zero");
  auto bound = [&](Value v, std::int64_t dflt, std::int64_t& out) {
    if (v.is_none()) {
      out = dflt;
      return true;
    }
    if (!to_int64(I, v, out, "slice indices")) return false;
    if (out < 0) {
      out += len;
      if (out < 0) out = step < 0 ? -1 : 0;
    } else if (out >= len) {
      out = step < 0 ? len - 1 : len;
    }
    return true;
  };
  std::int64_t start, stop;
  if (!bound(s->start, step < 0 ? len - 1 : 0, start) || !bound(s->stop, step < 0 ? -1 : len, stop))
    return Value::exc();
  Tuple* t = alloc_tuple(I, 3);
  t->items()[0] = Value::integer(start);
  t->items()[1] = Value::integer(stop);
  t->items()[2] = Value::integer(step);
  return Value::object(t);
}

Value b_decode(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  Value a[2];
  if (!parse_args(I, "decode", args + 1, nargs - 1, kw, {"encoding", "errors"}, 0, a))
    return Value::exc();
  return bytes_decode(I, static_cast<Bytes*>(args[0].o)->view(), a[0], a[1]);
}

// bytes.upper() / lower(): ASCII letters only, as CPython.
Value b_change_case(Isolate& I, Value* args, std::size_t nargs, bool upper) {
  if (nargs != 1) return raise(I, types().TypeError, "takes no arguments");
  std::string out(static_cast<Bytes*>(args[0].o)->view());
  for (char& c : out) {
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return new_bytes(I, out);
}
Value b_upper(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  return b_change_case(I, args, nargs, true);
}
Value b_lower(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  return b_change_case(I, args, nargs, false);
}

// ------------------------------------------------------------- constructors

Value t_list(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  if (kw && kw->size) return raise(I, types().TypeError, "list() takes no keyword arguments");
  if (n > 1)
    return raise(I, types().TypeError,
                 "list expected at most 1 argument, got " + std::to_string(n));
  List* l = alloc_list(I);
  if (n == 1) {
    ScratchItems items(I);
    if (!collect_iterable(I, a[0], items)) {
      decref(Value::object(l));
      return Value::exc();
    }
    l->items = items.release();
    list_sync_charge(I, l);
  }
  return Value::object(l);
}

Value t_tuple(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  if (kw && kw->size) return raise(I, types().TypeError, "tuple() takes no keyword arguments");
  if (n > 1)
    return raise(I, types().TypeError,
                 "tuple expected at most 1 argument, got " + std::to_string(n));
  if (n == 0) return Value::object(alloc_tuple(I, 0));
  if (is_tuple(a[0])) {
    incref(a[0]);
    return a[0];
  }
  ScratchItems items(I);
  if (!collect_iterable(I, a[0], items)) return Value::exc();
  if (!sandbox::room_for(I, items.size() * sizeof(Value))) {
    for (Value v : items) decref(v);
    return Value::exc();
  }
  Tuple* t = alloc_tuple(I, items.size());
  for (std::size_t i = 0; i < items.size(); ++i) t->items()[i] = items[i];
  return Value::object(t);
}

Value t_slice(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n < 1 || n > 3)
    return raise(I, types().TypeError,
                 "slice expected at least 1 argument, got " + std::to_string(n));
  Slice* s = I.heap.make<Slice>();
  Value parts[3] = {Value::none(), Value::none(), Value::none()};
  if (n == 1)
    parts[1] = a[0];
  else
    for (std::size_t i = 0; i < n; ++i) parts[i] = a[i];
  for (auto& p : parts) incref(p);
  s->start = parts[0];
  s->stop = parts[1];
  s->step = parts[2];
  return Value::object(s);
}

}  // namespace

bool dict_update_from(Isolate& I, Dict* d, Value src) {
  return update_from(I, d, src);
}

void register_container_methods() {
  const BuiltinTypes& T = types();
  add_method(T.list, "append", l_append);
  add_method(T.list, "extend", l_extend);
  add_method(T.list, "insert", l_insert);
  add_method(T.list, "pop", l_pop);
  add_method(T.list, "remove", l_remove);
  add_method(T.list, "index", l_index);
  add_method(T.list, "count", l_count);
  add_method(T.list, "copy", l_copy);
  add_method(T.list, "clear", l_clear);
  add_method(T.list, "reverse", l_reverse);
  add_method(T.list, "sort", l_sort);
  add_method(T.tuple, "index", t_index);
  add_method(T.tuple, "count", t_count);
  add_method(T.dict, "__init__", d_init);
  add_method(T.dict, "get", d_get);
  add_method(T.dict, "items", d_items);
  add_method(T.dict, "keys", d_keys);
  add_method(T.dict, "values", d_values);
  add_method(T.dict, "update", d_update);
  add_method(T.dict, "pop", d_pop);
  add_method(T.dict, "popitem", d_popitem);
  add_method(T.dict, "setdefault", d_setdefault);
  add_method(T.dict, "copy", d_copy);
  add_method(T.dict, "clear", d_clear);
  add_class_method(T.dict, "fromkeys", d_fromkeys);
  for (Type* t : {T.set, T.frozenset}) {
    add_method(t, "copy", s_copy);
    add_method(t, "union", s_union);
    add_method(t, "intersection", s_intersection);
    add_method(t, "difference", s_difference);
    add_method(t, "symmetric_difference", s_symdiff);
    add_method(t, "issubset", s_issubset);
    add_method(t, "issuperset", s_issuperset);
    add_method(t, "isdisjoint", s_isdisjoint);
  }
  add_method(T.set, "add", s_add);
  add_method(T.set, "remove", s_remove);
  add_method(T.set, "discard", s_discard);
  add_method(T.set, "pop", s_pop);
  add_method(T.set, "clear", s_clear);
  add_method(T.set, "update", s_update);
  add_method(T.set, "intersection_update", s_intersection_update);
  add_method(T.set, "difference_update", s_difference_update);
  add_method(T.set, "symmetric_difference_update", s_symdiff_update);
  add_method(T.range, "count", r_count);
  add_method(T.range, "index", r_index);
  add_method(T.slice, "indices", sl_indices);
  add_method(T.bytes, "decode", b_decode);
  add_method(T.bytes, "upper", b_upper);
  add_method(T.bytes, "lower", b_lower);
  register_bytes_methods();
  T.list->construct = t_list;
  T.tuple->construct = t_tuple;
  T.dict->construct = t_dict;
  T.set->construct = t_set;
  T.frozenset->construct = t_set;
  T.slice->construct = t_slice;
}

}  // namespace quire::lang
