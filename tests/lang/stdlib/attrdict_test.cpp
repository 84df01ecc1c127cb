// `_dict` as host code uses it: built and filled natively, bound as a
// global, read and written by scripts with attribute and item syntax.

#include "lang/lib/attrdict.h"

#include "stdlib_test_util.h"

namespace quire::lang::test {
namespace {

// Binds `row` = _dict(name="INV-1", qty=3) and `_dict` itself (set_global
// is false for names the script does not use: not an error here).
bool bind_row(Isolate& I) {
  Value row = new_attrdict(I);
  Value name = new_str(I, "INV-1");
  Value key_name = new_str(I, "name");
  Value key_qty = new_str(I, "qty");
  bool ok = dict_set(I, attrdict_storage(row), key_name, name) &&
            dict_set(I, attrdict_storage(row), key_qty, Value::integer(3));
  decref(name);
  decref(key_name);
  decref(key_qty);
  I.set_global("row", row);
  I.set_global("_dict", Value::object(attrdict_type()));
  decref(row);
  return ok;
}

TEST(AttrDict, AttributesReadKeysAndMissingOnesAreNone) {
  Outcome o = run_script(
      "print(row.name, row.qty, row['name'], row.missing, row.get('qty'), row.get('x', 5))\n",
      bind_row);
  EXPECT_EQ(o.error_line, "");
  EXPECT_EQ(o.out, "INV-1 3 INV-1 None 3 5\n");
}

TEST(AttrDict, AttributeWritesSetKeys) {
  Outcome o = run_script(
      "row.qty += 1\nrow.status = 'Paid'\nrow['total'] = 9\n"
      "print(row.qty, row['status'], row.total, len(row), sorted(row.keys()))\n"
      "del row['total']\nprint('total' in row, 'name' in row, list(row))\n",
      bind_row);
  EXPECT_EQ(o.error_line, "");
  EXPECT_EQ(
      o.out,
      "4 Paid 9 4 ['name', 'qty', 'status', 'total']\nFalse True ['name', 'qty', 'status']\n");
}

TEST(AttrDict, ReprEqualityAndJsonAreADicts) {
  std::string body =
      "print(row)\nprint(row == {'name': 'INV-1', 'qty': 3}, row != {'name': 'INV-1'})\n"
      "import json\nprint(json.dumps(row, sort_keys=True))\nprint(list(row.items()))\n";
  Outcome o = run_script(body, bind_row);
  EXPECT_EQ(o.error_line, "");
  EXPECT_EQ(o.out, python_output("row = {'name': 'INV-1', 'qty': 3}\n" + body));
}

TEST(AttrDict, ConstructorTakesWhatDictTakes) {
  Outcome o = run_script(
      "a = _dict(x=1)\nb = _dict({'y': 2}, z=3)\nc = _dict([('k', 'v')])\nd = b.copy()\n"
      "d.w = 0\nprint(a, b, c, d, a.x, b.z, c.k, b.w)\nprint(_dict())\n",
      bind_row);
  EXPECT_EQ(o.error_line, "");
  EXPECT_EQ(o.out,
            "{'x': 1} {'y': 2, 'z': 3} {'k': 'v'} {'y': 2, 'z': 3, 'w': 0} 1 3 v None\n{}\n");
}

TEST(AttrDict, TruthinessUpdateAndPop) {
  Outcome o = run_script(
      "e = _dict()\nprint(bool(e), bool(row))\nrow.update({'qty': 10}, extra=1)\n"
      "print(row.pop('extra'), row.qty, row.setdefault('n', 7), row.n)\n",
      bind_row);
  EXPECT_EQ(o.error_line, "");
  EXPECT_EQ(o.out, "False True\n1 10 7 7\n");
}

TEST(AttrDict, IsAMappingForDictAndUpdate) {
  std::string body =
      "d = dict(row)\nd['qty'] = 0\nprint(d, row['qty'])\nother = {'x': 1}\nother.update(row)\n"
      "print(other)\ndef f(**kw):\n    return kw\nprint({**row, 'extra': 1}, f(**row))\n";
  Outcome o = run_script(body, bind_row);
  EXPECT_EQ(o.error_line, "");
  EXPECT_EQ(o.out, python_output("row = {'name': 'INV-1', 'qty': 3}\n" + body));
}

TEST(AttrDict, IsUnhashableLikeADict) {
  Outcome o = run_script("s = {row}\n", bind_row);
  EXPECT_EQ(o.error_line, "TypeError: unhashable type: '_dict'");
}

TEST(AttrDict, MissingItemIsAKeyError) {
  Outcome o = run_script("row['nope']\n", bind_row);
  EXPECT_EQ(o.error_line, "KeyError: 'nope'");
}

TEST(AttrDict, MethodsWinOverKeysOfTheSameName) {
  Outcome o = run_script(
      "row['items'] = [1, 2]\nrow['get'] = 'g'\nprint(row['items'], row.get('get'), "
      "sorted(k for k, v in row.items()), row.qty)\n",
      bind_row);
  EXPECT_EQ(o.error_line, "");
  EXPECT_EQ(o.out, "[1, 2] g ['get', 'items', 'name', 'qty'] 3\n");
}

TEST(AttrDict, BoundMethodsCanBeKept) {
  Outcome o = run_script("f = row.get\nprint(f('qty'))\n", bind_row);
  EXPECT_EQ(o.out, "3\n");
}

TEST(AttrDict, StorageIsNullForOtherValues) {
  Isolate I;
  IsolateScope scope(I);
  Value d = Value::object(alloc_dict(I));
  EXPECT_EQ(attrdict_storage(d), nullptr);
  EXPECT_EQ(attrdict_storage(Value::integer(1)), nullptr);
  Value a = new_attrdict(I);
  EXPECT_NE(attrdict_storage(a), nullptr);
  EXPECT_TRUE(isinstance(a, attrdict_type()));
  decref(a);
  decref(d);
}

}  // namespace
}  // namespace quire::lang::test
