// id() is not an address (sandbox/identity.h): unique among live objects,
// stable, non-negative, and different from the object's address and between
// isolates. (Script-level behaviour is in attacks/id_is_not_an_address.py.)
#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <vector>

#include "lang/object/runtime.h"
#include "lang/sandbox/identity.h"
#include "lang/vm/isolate.h"

namespace quire::lang {
namespace {

TEST(Identity, UniqueStableAndNotTheAddress) {
  init_runtime();
  Isolate isolate;
  IsolateScope scope(isolate);
  std::vector<Value> objects;
  std::set<std::int64_t> ids;
  for (int i = 0; i < 10000; ++i) {
    Value v = new_list_from(isolate, nullptr, 0);
    objects.push_back(v);
    const std::int64_t id = sandbox::object_id(isolate, v);
    EXPECT_GE(id, 0);
    EXPECT_NE(static_cast<std::uint64_t>(id), reinterpret_cast<std::uintptr_t>(v.o));
    EXPECT_NE(static_cast<std::uint64_t>(id), reinterpret_cast<std::uintptr_t>(v.o) >> 4);
    EXPECT_EQ(id, sandbox::object_id(isolate, v));
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), objects.size());
  // Ids of neighbouring objects do not differ by their distance in memory.
  const std::int64_t a = sandbox::object_id(isolate, objects[0]);
  const std::int64_t b = sandbox::object_id(isolate, objects[1]);
  EXPECT_NE(b - a, reinterpret_cast<std::intptr_t>(objects[1].o) -
                       reinterpret_cast<std::intptr_t>(objects[0].o));
  for (Value v : objects) decref(v);
}

TEST(Identity, InlineValuesNeverShareAnObjectsId) {
  init_runtime();
  Isolate isolate;
  IsolateScope scope(isolate);
  Value list = new_list_from(isolate, nullptr, 0);
  const std::int64_t object = sandbox::object_id(isolate, list);
  EXPECT_LT(object, std::int64_t{1} << 62);
  for (Value v : {Value::integer(5), Value::integer(-1), Value::real(0.5), Value::none(),
                  Value::boolean(true)}) {
    EXPECT_GE(sandbox::object_id(isolate, v), std::int64_t{1} << 62);
    EXPECT_EQ(sandbox::object_id(isolate, v), sandbox::object_id(isolate, v));
  }
  EXPECT_NE(sandbox::object_id(isolate, Value::integer(1)),
            sandbox::object_id(isolate, Value::boolean(true)));
  decref(list);
}

TEST(Identity, TheSameAddressHasAnotherIdInAnotherIsolate) {
  init_runtime();
  Isolate one, two;
  IsolateScope scope(one);
  Value list = new_list_from(one, nullptr, 0);
  EXPECT_NE(sandbox::object_id(one, list), sandbox::object_id(two, list));
  decref(list);
}

}  // namespace
}  // namespace quire::lang
