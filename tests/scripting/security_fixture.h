#pragma once
// The security tests' fixture: the scripting fixture, plus acting as another
// user, as an attack does (a guest, a user with few roles) and as the setup
// around it does (Administrator writing the scripts under attack).

#include <string>
#include <utility>
#include <vector>

#include "scripting_fixture.h"

namespace quire::scripting::testing {

class SecurityTest : public ScriptingTest {
 public:
  void become(const std::string& user, std::vector<std::string> roles) {
    session->user = user;
    session->roles = std::move(roles);
  }
  void become_guest() { become("Guest", {"Guest"}); }
  void become_admin() { become("Administrator", {"Administrator", "System Manager", "All"}); }

  // Runs `work` as Administrator with Script Manager, then acts as the user
  // it acted as before.
  template <class Work>
  void as_script_manager(Work&& work) {
    const std::string user = session->user;
    const std::vector<std::string> roles = session->roles;
    become("Administrator", {"Administrator", "System Manager", "Script Manager"});
    work();
    become(user, roles);
  }
};

}  // namespace quire::scripting::testing
