#include "lang/sandbox/catalog.h"

#include <map>
#include <mutex>

#include "lang/lib/json.h"

namespace quire::lang::catalog {

namespace {

struct Registry {
  std::mutex mutex;
  std::map<std::string, Entry, std::less<>> entries;
};

Registry& registry() {
  static Registry* r = new Registry();  // never destroyed: used until exit
  return *r;
}

}  // namespace

void describe(std::string_view name, std::string_view kind, std::string_view signature,
              std::string_view doc) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.entries[std::string(name)] =
      Entry{std::string(name), std::string(kind), std::string(signature), std::string(doc)};
}

std::vector<Entry> entries(std::string_view prefix) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  std::vector<Entry> out;
  for (auto it = r.entries.lower_bound(prefix); it != r.entries.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    out.push_back(it->second);
  }
  return out;
}

std::string to_json(std::string_view prefix) {
  std::string out = "[";
  bool first = true;
  for (const Entry& e : entries(prefix)) {
    out += first ? "\n" : ",\n";
    first = false;
    out += "{\"name\": " + json::quote(e.name) + ", \"kind\": " + json::quote(e.kind) +
           ", \"signature\": " + json::quote(e.signature) + ", \"doc\": " + json::quote(e.doc) +
           "}";
  }
  out += first ? "]" : "\n]";
  return out;
}

}  // namespace quire::lang::catalog
