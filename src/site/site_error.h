#pragma once

#include <stdexcept>

namespace quire::site {

// A problem with what the user asked for or with files the user controls: an
// unknown or invalid site name, a site that already exists, a config file that
// cannot be read or parsed. Front doors report it as bad usage (exit 2).
class SiteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace quire::site
