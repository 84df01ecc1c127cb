// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// The insertion-ordered hash table behind dict and set (CPython's compact
// layout: a sparse index array pointing into a dense array of entries).

#include <algorithm>

#include "lang/object/runtime.h"
#include "lang/sandbox/work.h"

namespace quire::lang {

namespace {

constexpr std::int32_t kEmpty = -1;
constexpr std::int32_t kDeleted = -2;

// Key equality with the common cases inline; -1 on error.
int keys_equal(Isolate& I, Value a, Value b) {
  if (a.tag == Tag::Obj && b.tag == Tag::Obj) {
    if (a.o == b.o) return 1;
    if (a.o->kind == Kind::Str && b.o->kind == Kind::Str) return str_equal(as_str(a), as_str(b));
  } else if (a.tag == Tag::Int && b.tag == Tag::Int) {
    return a.i == b.i;
  }
  return equals(I, a, b);
}

// Compacts the entries and sizes the index for a load factor <= 2/3. The
// entry array gets room for every entry the index accepts before the next
// rebuild, so inserting never reallocates it in between; the storage is
// charged to the heap (and uncharged when the table is freed).
std::size_t index_size_for(std::size_t min_entries) {
  std::size_t size = 8;
  while (size * 2 < (min_entries + 1) * 3) size *= 2;
  return size;
}

std::size_t entry_room_for(std::size_t index_size) {
  return index_size * 2 / 3 + 1;
}

// The storage a rebuild for `min_entries` allocates anew, checked against the
// heap cap before it is allocated (a copy of a large dict in straight-line
// code would otherwise take it whole before the VM's next check).
bool room_to_rebuild(Isolate& I, std::size_t min_entries) {
  const std::size_t size = index_size_for(min_entries);
  return sandbox::room_for(
      I, size * sizeof(std::int32_t) + entry_room_for(size) * sizeof(HashTable::Entry));
}

void rebuild(HashTable& t, std::size_t min_entries) {
  std::size_t size = index_size_for(min_entries);
  std::size_t room = entry_room_for(size);
  if (t.used == t.entries.size() && t.entries.capacity() >= room) {
    // No holes and room enough: only the index changes.
  } else {
    std::vector<HashTable::Entry> dense;
    dense.reserve(room);
    for (auto& e : t.entries)
      if (!e.key.is_undef()) dense.push_back(e);
    t.entries.swap(dense);
  }
  t.index.assign(size, kEmpty);
  std::size_t bytes =
      t.index.capacity() * sizeof(std::int32_t) + t.entries.capacity() * sizeof(HashTable::Entry);
  if (t_heap) {
    if (bytes > t.charged) {
      t_heap->charge(bytes - t.charged);
    } else {
      t_heap->uncharge(t.charged - bytes);
    }
    t.charged = bytes;
  }
  std::size_t mask = size - 1;
  for (std::size_t i = 0; i < t.entries.size(); ++i) {
    std::size_t j = t.entries[i].hash & mask;
    while (t.index[j] != kEmpty) j = (j + 1) & mask;
    t.index[j] = static_cast<std::int32_t>(i);
  }
}

// Finds the index-array position of `key`, or -1 (and `insert_at`, the first
// free position). Returns -2 on error.
long find(Isolate& I, HashTable& t, Value key, std::uint64_t h, long* insert_at) {
  if (t.index.empty()) {
    if (insert_at) *insert_at = -1;
    return -1;
  }
  std::size_t mask = t.index.size() - 1;
  std::size_t j = h & mask;
  long free_slot = -1;
  for (;;) {
    std::int32_t ix = t.index[j];
    if (ix == kEmpty) {
      if (insert_at) *insert_at = free_slot >= 0 ? free_slot : static_cast<long>(j);
      return -1;
    }
    if (ix == kDeleted) {
      if (free_slot < 0) free_slot = static_cast<long>(j);
    } else {
      auto& e = t.entries[ix];
      if (e.hash == h) {
        int eq = keys_equal(I, e.key, key);
        if (eq < 0) return -2;
        if (eq) return static_cast<long>(j);
      }
    }
    j = (j + 1) & mask;
  }
}

bool table_set(Isolate& I, HashTable& t, Value key, Value value, bool& inserted) {
  std::uint64_t h;
  if (!hash_value(I, key, h)) return false;
  long insert_at = -1;
  long pos = find(I, t, key, h, &insert_at);
  if (pos == -2) return false;
  if (pos >= 0) {
    auto& e = t.entries[t.index[pos]];
    incref(value);
    assign(e.value, value);
    inserted = false;
    return true;
  }
  if (insert_at < 0 || (t.entries.size() + 1) * 3 > t.index.size() * 2) {
    if (!room_to_rebuild(I, t.used + 1)) return false;
    rebuild(t, t.used + 1);
    find(I, t, key, h, &insert_at);
  }
  incref(key);
  incref(value);
  t.entries.push_back({h, key, value});
  t.index[insert_at] = static_cast<std::int32_t>(t.entries.size() - 1);
  ++t.used;
  inserted = true;
  return true;
}

int table_del(Isolate& I, HashTable& t, Value key) {
  std::uint64_t h;
  if (!hash_value(I, key, h)) return -1;
  long pos = find(I, t, key, h, nullptr);
  if (pos == -2) return -1;
  if (pos < 0) return 0;
  auto& e = t.entries[t.index[pos]];
  Value k = e.key, v = e.value;
  e.key = Value();
  e.value = Value();
  t.index[pos] = kDeleted;
  --t.used;
  decref(k);
  decref(v);
  return 1;
}

}  // namespace

std::size_t table_size(const HashTable& t) {
  return t.used;
}

// CPython's set keeps no insertion order: iteration follows its hash table.
// Sets print in that order, so we replay setobject.c on the entries in
// insertion order: 8 slots, linear probing of up to 9 further slots then
// perturbed jumps, and a rebuild (old slots in order) to the next power of two
// above 4*used once fill reaches 3/5 of the mask. Exact as long as nothing was
// removed (removals leave dummies in CPython that we do not replay).
std::vector<const HashTable::Entry*> set_iteration_order(const HashTable& t) {
  using Entry = HashTable::Entry;
  std::vector<const Entry*> slots(8, nullptr);
  auto place = [](std::vector<const Entry*>& table, const Entry* e) {
    const std::size_t mask = table.size() - 1;
    std::size_t perturb = e->hash, i = e->hash & mask;
    for (;;) {
      std::size_t probes = i + 9 <= mask ? 9 : 0;
      for (std::size_t j = 0; j <= probes; ++j)
        if (!table[i + j]) {
          table[i + j] = e;
          return;
        }
      perturb >>= 5;
      i = (i * 5 + 1 + perturb) & mask;
    }
  };
  std::size_t used = 0;
  for (const Entry& e : t.entries) {
    if (e.key.is_undef()) continue;
    place(slots, &e);
    ++used;
    if (used * 5 < (slots.size() - 1) * 3) continue;
    std::size_t minused = used > 50000 ? used * 2 : used * 4, size = 8;
    while (size <= minused) size <<= 1;
    std::vector<const Entry*> bigger(size, nullptr);
    for (const Entry* old : slots)
      if (old) place(bigger, old);
    slots.swap(bigger);
  }
  std::vector<const Entry*> order;
  order.reserve(used);
  for (const Entry* e : slots)
    if (e) order.push_back(e);
  return order;
}

Value dict_get(Isolate& I, Dict* d, Value key, bool& error) {
  error = false;
  std::uint64_t h;
  if (!hash_value(I, key, h)) {
    error = true;
    return Value::exc();
  }
  long pos = find(I, d->table, key, h, nullptr);
  if (pos == -2) {
    error = true;
    return Value::exc();
  }
  if (pos < 0) return Value();
  return d->table.entries[d->table.index[pos]].value;
}

bool dict_set(Isolate& I, Dict* d, Value key, Value value) {
  bool inserted;
  return table_set(I, d->table, key, value, inserted);
}

int dict_del(Isolate& I, Dict* d, Value key) {
  return table_del(I, d->table, key);
}

Value dict_get_str_hashed(const Dict* d, std::string_view key, std::uint64_t h) {
  const HashTable& t = d->table;
  if (t.index.empty()) return Value();
  std::size_t mask = t.index.size() - 1;
  for (std::size_t j = h & mask;; j = (j + 1) & mask) {
    std::int32_t ix = t.index[j];
    if (ix == kEmpty) return Value();
    if (ix == kDeleted) continue;
    const auto& e = t.entries[ix];
    if (e.hash == h && is_str(e.key) && as_str(e.key)->view() == key) return e.value;
  }
}

Value dict_get_str(const Dict* d, std::string_view key) {
  return dict_get_str_hashed(d, key, hash_bytes(key));
}

bool set_add(Isolate& I, Set* s, Value key) {
  bool inserted;
  return table_set(I, s->table, key, Value::none(), inserted);
}

int set_contains(Isolate& I, Set* s, Value key) {
  std::uint64_t h;
  if (!hash_value(I, key, h)) return -1;
  long pos = find(I, s->table, key, h, nullptr);
  if (pos == -2) return -1;
  return pos >= 0;
}

int set_remove(Isolate& I, Set* s, Value key) {
  return table_del(I, s->table, key);
}

}  // namespace quire::lang
