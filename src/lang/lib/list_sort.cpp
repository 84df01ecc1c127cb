// list.sort and sorted(): CPython 3.11's timsort (Objects/listsort.txt),
// step for step, so that a key's __lt__ is called on the same pairs in the
// same order as under CPython (a __lt__ that prints or counts sees no
// difference), the sort is stable, and an exception from __lt__ leaves the
// list in CPython's permutation: natural runs (descending ones reversed),
// binary insertion sort up to minrun, powersort's merge order, and merges
// that gallop once one run wins min_gallop times in a row.

#include "lang/lib/list_sort.h"

#include <algorithm>
#include <cstring>
#include <type_traits>
#include <vector>

#include "lang/object/runtime.h"
#include "lang/sandbox/work.h"

namespace quire::lang {

namespace {

static_assert(std::is_trivially_copyable_v<Value>, "runs are moved with memmove");

constexpr std::ptrdiff_t kMinGallop = 7;

// Keys being sorted and, when a key function was given, the items that move
// with them (CPython's sortslice).
struct SortSlice {
  Value* keys;
  Value* values;  // null: the keys are the items

  SortSlice at(std::ptrdiff_t n) const { return {keys + n, values ? values + n : nullptr}; }
};

void move(SortSlice dst, SortSlice src, std::ptrdiff_t n) {
  std::memmove(static_cast<void*>(dst.keys), src.keys, static_cast<std::size_t>(n) * sizeof(Value));
  if (dst.values)
    std::memmove(static_cast<void*>(dst.values), src.values,
                 static_cast<std::size_t>(n) * sizeof(Value));
}

void put(SortSlice dst, SortSlice src) {
  *dst.keys = *src.keys;
  if (dst.values) *dst.values = *src.values;
}

void reverse_run(SortSlice s, std::ptrdiff_t n) {
  std::reverse(s.keys, s.keys + n);
  if (s.values) std::reverse(s.values, s.values + n);
}

// Runs shorter than this are extended by binary insertion: n itself below 64,
// else n's 6 leading bits, plus one if any bit shifted off was set.
std::ptrdiff_t min_run(std::ptrdiff_t n) {
  std::ptrdiff_t r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

// Powersort: the depth in the merge tree of the boundary between the run at
// [s1, s1+n1) and the next one of length n2, in a list of length n.
int power_of(std::ptrdiff_t s1, std::ptrdiff_t n1, std::ptrdiff_t n2, std::ptrdiff_t n) {
  int result = 0;
  std::ptrdiff_t a = 2 * s1 + n1;  // twice the midpoints, to stay in integers
  std::ptrdiff_t b = a + n1 + n2;
  for (;;) {
    ++result;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) {
      break;
    }
    a <<= 1;
    b <<= 1;
  }
  return result;
}

// Less(a, b): 1 when a < b, 0 when not, -1 with an exception set.
template <class Less>
class TimSort {
 public:
  TimSort(Less& less, SortSlice all, std::ptrdiff_t n) : lt_(less), all_(all), n_(n) {}

  bool sort() {
    if (n_ < 2) return true;
    const std::ptrdiff_t minrun = min_run(n_);
    SortSlice lo = all_;
    std::ptrdiff_t remaining = n_;
    do {
      bool descending = false;
      std::ptrdiff_t n = count_run(lo.keys, lo.keys + remaining, descending);
      if (n < 0) return false;
      if (descending) reverse_run(lo, n);
      if (n < minrun) {
        const std::ptrdiff_t force = remaining <= minrun ? remaining : minrun;
        if (!binary_sort(lo, force, n)) return false;
        n = force;
      }
      if (!found_new_run(n)) return false;
      pending_.push_back({lo, n, 0});
      lo = lo.at(n);
      remaining -= n;
    } while (remaining);
    return force_collapse();
  }

 private:
  struct Run {
    SortSlice base;
    std::ptrdiff_t len;
    int power;
  };

  // Length of the run starting at lo: ascending (a[i] <= a[i+1]) or strictly
  // descending (then `descending`, and the caller reverses it; strictness
  // keeps the sort stable).
  std::ptrdiff_t count_run(Value* lo, Value* hi, bool& descending) {
    descending = false;
    ++lo;
    if (lo == hi) return 1;
    std::ptrdiff_t n = 2;
    int k = lt_(*lo, *(lo - 1));
    if (k < 0) return -1;
    if (k) {
      descending = true;
      for (lo = lo + 1; lo < hi; ++lo, ++n) {
        k = lt_(*lo, *(lo - 1));
        if (k < 0) return -1;
        if (!k) break;
      }
    } else {
      for (lo = lo + 1; lo < hi; ++lo, ++n) {
        k = lt_(*lo, *(lo - 1));
        if (k < 0) return -1;
        if (k) break;
      }
    }
    return n;
  }

  // Sorts lo[0, hi) of which lo[0, start) is already sorted: each next key is
  // placed after the last key not greater than it, found by bisection.
  bool binary_sort(SortSlice lo, std::ptrdiff_t hi, std::ptrdiff_t start) {
    if (start == 0) ++start;
    for (; start < hi; ++start) {
      std::ptrdiff_t l = 0;
      std::ptrdiff_t r = start;
      const Value pivot = lo.keys[r];
      do {
        std::ptrdiff_t p = l + ((r - l) >> 1);
        int k = lt_(pivot, lo.keys[p]);
        if (k < 0) return false;
        if (k)
          r = p;
        else
          l = p + 1;
      } while (l < r);
      std::memmove(static_cast<void*>(lo.keys + l + 1), lo.keys + l,
                   static_cast<std::size_t>(start - l) * sizeof(Value));
      lo.keys[l] = pivot;
      if (lo.values) {
        const Value item = lo.values[start];
        std::memmove(static_cast<void*>(lo.values + l + 1), lo.values + l,
                     static_cast<std::size_t>(start - l) * sizeof(Value));
        lo.values[l] = item;
      }
    }
    return true;
  }

  // Where key goes in the sorted a[0, n): the leftmost position (before equal
  // keys), searched from a[hint] outwards by doubling steps, then bisected.
  std::ptrdiff_t gallop_left(Value key, const Value* a, std::ptrdiff_t n, std::ptrdiff_t hint) {
    a += hint;
    std::ptrdiff_t lastofs = 0;
    std::ptrdiff_t ofs = 1;
    int k = lt_(*a, key);
    if (k < 0) return -1;
    if (k) {
      const std::ptrdiff_t maxofs = n - hint;
      while (ofs < maxofs) {
        k = lt_(a[ofs], key);
        if (k < 0) return -1;
        if (!k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    } else {
      const std::ptrdiff_t maxofs = hint + 1;
      while (ofs < maxofs) {
        k = lt_(*(a - ofs), key);
        if (k < 0) return -1;
        if (k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      std::ptrdiff_t t = lastofs;
      lastofs = hint - ofs;
      ofs = hint - t;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
      std::ptrdiff_t m = lastofs + ((ofs - lastofs) >> 1);
      k = lt_(a[m], key);
      if (k < 0) return -1;
      if (k)
        lastofs = m + 1;
      else
        ofs = m;
    }
    return ofs;
  }

  // As gallop_left, but the rightmost position (after equal keys).
  std::ptrdiff_t gallop_right(Value key, const Value* a, std::ptrdiff_t n, std::ptrdiff_t hint) {
    a += hint;
    std::ptrdiff_t lastofs = 0;
    std::ptrdiff_t ofs = 1;
    int k = lt_(key, *a);
    if (k < 0) return -1;
    if (k) {
      const std::ptrdiff_t maxofs = hint + 1;
      while (ofs < maxofs) {
        k = lt_(key, *(a - ofs));
        if (k < 0) return -1;
        if (!k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      std::ptrdiff_t t = lastofs;
      lastofs = hint - ofs;
      ofs = hint - t;
    } else {
      const std::ptrdiff_t maxofs = n - hint;
      while (ofs < maxofs) {
        k = lt_(key, a[ofs]);
        if (k < 0) return -1;
        if (k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
      std::ptrdiff_t m = lastofs + ((ofs - lastofs) >> 1);
      k = lt_(key, a[m]);
      if (k < 0) return -1;
      if (k)
        ofs = m;
      else
        lastofs = m + 1;
    }
    return ofs;
  }

  SortSlice temp(std::ptrdiff_t n) {
    const auto size = static_cast<std::size_t>(n);
    if (tmp_keys_.size() < size) tmp_keys_.resize(size);
    if (all_.values && tmp_values_.size() < size) tmp_values_.resize(size);
    return {tmp_keys_.data(), all_.values ? tmp_values_.data() : nullptr};
  }

  // Merges the adjacent runs a (na, the shorter) and b (nb) in place, with a
  // copied aside; on an error the rest of the copy is put back, so the keys
  // stay a permutation of what they were.
  bool merge_lo(SortSlice ssa, std::ptrdiff_t na, SortSlice ssb, std::ptrdiff_t nb) {
    SortSlice tmp = temp(na);
    move(tmp, ssa, na);
    SortSlice dest = ssa;
    ssa = tmp;
    bool ok = false;
    std::ptrdiff_t min_gallop = min_gallop_;
    std::ptrdiff_t k = 0;
    put(dest, ssb);
    dest = dest.at(1);
    ssb = ssb.at(1);
    --nb;
    if (nb == 0) goto succeed;
    if (na == 1) goto copy_b;
    for (;;) {
      std::ptrdiff_t acount = 0;  // times in a row a won
      std::ptrdiff_t bcount = 0;
      for (;;) {
        k = lt_(*ssb.keys, *ssa.keys);
        if (k) {
          if (k < 0) goto fail;
          put(dest, ssb);
          dest = dest.at(1);
          ssb = ssb.at(1);
          ++bcount;
          acount = 0;
          if (--nb == 0) goto succeed;
          if (bcount >= min_gallop) break;
        } else {
          put(dest, ssa);
          dest = dest.at(1);
          ssa = ssa.at(1);
          ++acount;
          bcount = 0;
          if (--na == 1) goto copy_b;
          if (acount >= min_gallop) break;
        }
      }
      // One run keeps winning: gallop until neither does for kMinGallop.
      ++min_gallop;
      do {
        min_gallop -= min_gallop > 1;
        min_gallop_ = min_gallop;
        k = gallop_right(*ssb.keys, ssa.keys, na, 0);
        acount = k;
        if (k) {
          if (k < 0) goto fail;
          move(dest, ssa, k);
          dest = dest.at(k);
          ssa = ssa.at(k);
          na -= k;
          if (na == 1) goto copy_b;
          if (na == 0) goto succeed;  // only with an inconsistent __lt__
        }
        put(dest, ssb);
        dest = dest.at(1);
        ssb = ssb.at(1);
        if (--nb == 0) goto succeed;
        k = gallop_left(*ssa.keys, ssb.keys, nb, 0);
        bcount = k;
        if (k) {
          if (k < 0) goto fail;
          move(dest, ssb, k);
          dest = dest.at(k);
          ssb = ssb.at(k);
          nb -= k;
          if (nb == 0) goto succeed;
        }
        put(dest, ssa);
        dest = dest.at(1);
        ssa = ssa.at(1);
        if (--na == 1) goto copy_b;
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++min_gallop;  // leaving galloping mode costs a little
      min_gallop_ = min_gallop;
    }
  succeed:
    ok = true;
  fail:
    if (na) move(dest, ssa, na);
    return ok;
  copy_b:
    // The last key of a belongs after what is left of b.
    move(dest, ssb, nb);
    put(dest.at(nb), ssa);
    return true;
  }

  // As merge_lo from the right end, with b (the shorter) copied aside.
  bool merge_hi(SortSlice ssa, std::ptrdiff_t na, SortSlice ssb, std::ptrdiff_t nb) {
    SortSlice tmp = temp(nb);
    SortSlice dest = ssb.at(nb - 1);
    move(tmp, ssb, nb);
    const SortSlice basea = ssa;
    const SortSlice baseb = tmp;
    ssb = tmp.at(nb - 1);
    ssa = ssa.at(na - 1);
    bool ok = false;
    std::ptrdiff_t min_gallop = min_gallop_;
    std::ptrdiff_t k = 0;
    put(dest, ssa);
    dest = dest.at(-1);
    ssa = ssa.at(-1);
    --na;
    if (na == 0) goto succeed;
    if (nb == 1) goto copy_a;
    for (;;) {
      std::ptrdiff_t acount = 0;
      std::ptrdiff_t bcount = 0;
      for (;;) {
        k = lt_(*ssb.keys, *ssa.keys);
        if (k) {
          if (k < 0) goto fail;
          put(dest, ssa);
          dest = dest.at(-1);
          ssa = ssa.at(-1);
          ++acount;
          bcount = 0;
          if (--na == 0) goto succeed;
          if (acount >= min_gallop) break;
        } else {
          put(dest, ssb);
          dest = dest.at(-1);
          ssb = ssb.at(-1);
          ++bcount;
          acount = 0;
          if (--nb == 1) goto copy_a;
          if (bcount >= min_gallop) break;
        }
      }
      ++min_gallop;
      do {
        min_gallop -= min_gallop > 1;
        min_gallop_ = min_gallop;
        k = gallop_right(*ssb.keys, basea.keys, na, na - 1);
        if (k < 0) goto fail;
        k = na - k;
        acount = k;
        if (k) {
          dest = dest.at(-k);
          ssa = ssa.at(-k);
          move(dest.at(1), ssa.at(1), k);
          na -= k;
          if (na == 0) goto succeed;
        }
        put(dest, ssb);
        dest = dest.at(-1);
        ssb = ssb.at(-1);
        if (--nb == 1) goto copy_a;
        k = gallop_left(*ssa.keys, baseb.keys, nb, nb - 1);
        if (k < 0) goto fail;
        k = nb - k;
        bcount = k;
        if (k) {
          dest = dest.at(-k);
          ssb = ssb.at(-k);
          move(dest.at(1), ssb.at(1), k);
          nb -= k;
          if (nb == 1) goto copy_a;
          if (nb == 0) goto succeed;  // only with an inconsistent __lt__
        }
        put(dest, ssa);
        dest = dest.at(-1);
        ssa = ssa.at(-1);
        if (--na == 0) goto succeed;
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++min_gallop;
      min_gallop_ = min_gallop;
    }
  succeed:
    ok = true;
  fail:
    if (nb) move(dest.at(-(nb - 1)), baseb, nb);
    return ok;
  copy_a:
    // The first key of b belongs before what is left of a.
    move(dest.at(1 - na), ssa.at(1 - na), na);
    dest = dest.at(-na);
    put(dest, ssb);
    return true;
  }

  // Merges pending runs i and i+1.
  bool merge_at(std::size_t i) {
    SortSlice ssa = pending_[i].base;
    std::ptrdiff_t na = pending_[i].len;
    SortSlice ssb = pending_[i + 1].base;
    std::ptrdiff_t nb = pending_[i + 1].len;
    pending_[i].len = na + nb;
    if (i + 3 == pending_.size()) pending_[i + 1] = pending_[i + 2];
    pending_.pop_back();
    // Keys of a not above b's first, and of b not below a's last, stay put.
    std::ptrdiff_t k = gallop_right(*ssb.keys, ssa.keys, na, 0);
    if (k < 0) return false;
    ssa = ssa.at(k);
    na -= k;
    if (na == 0) return true;
    nb = gallop_left(ssa.keys[na - 1], ssb.keys, nb, nb - 1);
    if (nb <= 0) return nb == 0;
    return na <= nb ? merge_lo(ssa, na, ssb, nb) : merge_hi(ssa, na, ssb, nb);
  }

  // Before the next run (n2 keys) is pushed: merges the runs on the stack
  // that sit deeper in powersort's tree than the boundary before lo.
  bool found_new_run(std::ptrdiff_t n2) {
    if (pending_.empty()) return true;
    const Run& top = pending_.back();
    const int power = power_of(top.base.keys - all_.keys, top.len, n2, n_);
    while (pending_.size() > 1 && pending_[pending_.size() - 2].power > power)
      if (!merge_at(pending_.size() - 2)) return false;
    pending_.back().power = power;
    return true;
  }

  bool force_collapse() {
    while (pending_.size() > 1) {
      std::size_t n = pending_.size() - 2;
      if (n > 0 && pending_[n - 1].len < pending_[n + 1].len) --n;
      if (!merge_at(n)) return false;
    }
    return true;
  }

  Less& lt_;
  SortSlice all_;
  std::ptrdiff_t n_;
  std::ptrdiff_t min_gallop_ = kMinGallop;
  std::vector<Run> pending_;
  std::vector<Value> tmp_keys_;
  std::vector<Value> tmp_values_;
};

// The limits are polled every 4096 comparisons: a long native sort would
// otherwise run past the deadline unseen.
struct Poll {
  Isolate& I;
  std::size_t compares = 0;
  bool ok() { return (++compares & 4095) != 0 || sandbox::poll_work(I); }
};

template <class Less>
bool timsort(SortSlice all, std::size_t n, Less less) {
  return TimSort<Less>(less, all, static_cast<std::ptrdiff_t>(n)).sort();
}

bool all_of_tag(const Value* keys, std::size_t n, Tag tag) {
  for (std::size_t i = 0; i < n; ++i)
    if (keys[i].tag != tag) return false;
  return true;
}

bool all_str(const Value* keys, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (!is_str(keys[i])) return false;
  return true;
}

// a < b for tuples (CPython's unsafe_tuple_compare): the first unequal items
// decide; int items are compared inline, the rest through == and <.
int tuple_less(Isolate& I, Value a, Value b) {
  const Tuple* x = as_tuple(a);
  const Tuple* y = as_tuple(b);
  const std::size_t n = std::min(x->size, y->size);
  for (std::size_t i = 0; i < n; ++i) {
    Value p = x->items()[i];
    Value q = y->items()[i];
    if (p.tag == Tag::Int && q.tag == Tag::Int) {
      if (p.i != q.i) return p.i < q.i;
      continue;
    }
    int e = equals(I, p, q);
    if (e < 0) return -1;
    if (!e) return less_than(I, p, q);
  }
  return x->size < y->size;
}

bool all_tuples(const Value* keys, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (!is_tuple(keys[i])) return false;
  return true;
}

// The __lt__ of the user class every key is an instance of, or Undef.
Value common_lt(const Value* keys, std::size_t n) {
  if (n == 0 || !is_user_instance(keys[0])) return Value();
  const Type* cls = static_cast<Instance*>(keys[0].o)->cls;
  for (std::size_t i = 1; i < n; ++i)
    if (!is_user_instance(keys[i]) || static_cast<Instance*>(keys[i].o)->cls != cls) return Value();
  Value lt = type_lookup(cls, "__lt__");
  return lt.is_none() ? Value() : lt;
}

// a.__lt__(b) called directly (CPython's unsafe_object_compare); only when it
// answers NotImplemented is the whole protocol run, which asks a.__lt__ again
// and then b.__gt__, as CPython does.
int method_less(Isolate& I, Value lt, Value a, Value b) {
  Value args[2] = {a, b};
  Value r = call(I, lt, args, 2, nullptr);
  if (r.is_exc()) return -1;
  if (r.tag == Tag::Obj && r.o == not_implemented_value().o) return less_than(I, a, b);
  int t = truthy(I, r);
  decref(r);
  return t;
}

// As CPython's pre-sort check: keys all small ints, all floats, all strs,
// all tuples or all instances of one class with __lt__ are compared directly
// (the same comparisons, without the generic protocol); anything else
// through `<`.
bool sort_keys(Isolate& I, SortSlice all, std::size_t n) {
  Poll poll{I};
  if (all_of_tag(all.keys, n, Tag::Int))
    return timsort(all, n, [&poll](Value a, Value b) { return poll.ok() ? int(a.i < b.i) : -1; });
  if (all_of_tag(all.keys, n, Tag::Float))
    return timsort(all, n, [&poll](Value a, Value b) { return poll.ok() ? int(a.f < b.f) : -1; });
  if (all_str(all.keys, n))
    return timsort(all, n, [&poll, &I](Value a, Value b) {
      const Str* x = as_str(a);
      const Str* y = as_str(b);
      if (!poll.ok() || !sandbox::charge_compare(I, std::min(x->nbytes, y->nbytes))) return -1;
      return int(x->view() < y->view());  // UTF-8 bytes order as code points do
    });
  if (Value lt = common_lt(all.keys, n); !lt.is_undef())
    return timsort(all, n, [&poll, &I, lt](Value a, Value b) {
      return poll.ok() ? method_less(I, lt, a, b) : -1;
    });
  if (all_tuples(all.keys, n))
    return timsort(all, n,
                   [&poll, &I](Value a, Value b) { return poll.ok() ? tuple_less(I, a, b) : -1; });
  return timsort(all, n,
                 [&poll, &I](Value a, Value b) { return poll.ok() ? less_than(I, a, b) : -1; });
}

}  // namespace

Value list_sort(Isolate& I, List* l, Value key, bool reverse) {
  // As CPython: the items leave the list while it is sorted, so a key function
  // or a comparison that mutates the list (l.sort(key=lambda x: l.append(x)))
  // sees an empty list and cannot free or move what is being sorted; a list
  // modified meanwhile is a ValueError once the items are back.
  std::vector<Value> items;
  items.swap(l->items);
  auto put_back = [&](std::vector<Value>& result) {
    std::vector<Value> added;
    added.swap(l->items);
    l->items.swap(result);
    list_sync_charge(I, l);
    for (Value v : added) decref(v);
    // An append then a pop leaves the list empty but was a modification.
    return !added.empty() || added.capacity() != 0;
  };
  const std::size_t n = items.size();
  const bool has_key = !key.is_undef() && !key.is_none();
  std::vector<Value> keys;
  if (has_key) {
    keys.reserve(n);
    for (Value v : items) {
      Value k = call1(I, key, v);
      if (k.is_exc()) {
        for (Value kk : keys) decref(kk);
        put_back(items);
        return k;
      }
      keys.push_back(k);
    }
  }
  bool ok = sandbox::charge_sort(I, n);
  if (ok && n > 1) {
    // Stability in reverse: reverse, sort forward, reverse back (CPython's
    // way, which also decides which pairs are compared).
    SortSlice all =
        has_key ? SortSlice{keys.data(), items.data()} : SortSlice{items.data(), nullptr};
    if (reverse) reverse_run(all, static_cast<std::ptrdiff_t>(n));
    ok = sort_keys(I, all, n);
    if (reverse) std::reverse(items.begin(), items.end());
  }
  for (Value k : keys) decref(k);
  // After an error the items go back in whatever order the sort left them,
  // as in CPython.
  bool modified = put_back(items);
  if (!ok) return Value::exc();
  if (modified) return raise(I, types().ValueError, "list modified during sort");
  return Value::none();
}

}  // namespace quire::lang
