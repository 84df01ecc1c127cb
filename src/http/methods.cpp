#include "http/methods.h"

namespace quire::http {

void Methods::add(std::string name, Method method) {
  builtins_[std::move(name)] = std::move(method);
}

void Methods::add_resolver(Resolver resolver, Priority priority) {
  (priority == Priority::before_builtins ? before_ : after_).push_back(std::move(resolver));
}

std::optional<Method> Methods::find(std::string_view name, model::Session& session) const {
  for (const auto& resolver : before_) {
    if (auto found = resolver(name, session)) return found;
  }
  if (auto found = builtins_.find(name); found != builtins_.end()) return found->second;
  for (const auto& resolver : after_) {
    if (auto found = resolver(name, session)) return found;
  }
  return std::nullopt;
}

}  // namespace quire::http
