#pragma once
// Which network addresses a server script's HTTP request may connect to.
//
// The check is made on the address a connection is about to be opened to
// (after name resolution, for every redirect hop), never on the URL text: a
// name that resolves to 127.0.0.1, a decimal or octal spelling of an address
// and DNS rebinding all end up here as the same socket address.
//
// Refused unless the site allow-lists them: loopback, private (RFC 1918,
// fc00::/7), shared (100.64/10), link-local (169.254/16 with the cloud
// metadata address, fe80::/10), unspecified / "this network", multicast,
// reserved and broadcast, and the IPv6 forms that carry such an IPv4 address
// (IPv4-mapped, IPv4-compatible, NAT64, 6to4).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sockaddr;

namespace quire::scripting {

struct NetAddress {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};  // IPv4: the first 4
  std::uint16_t port = 0;                // 0 when unknown
};

std::optional<NetAddress> address_from_sockaddr(const sockaddr* sa);
// "10.0.0.1" or "::1" (no brackets, no port).
std::optional<NetAddress> parse_ip(std::string_view text);
std::string address_text(const NetAddress& a);

// The rule that refuses `a` ("loopback address", "private address (RFC 1918)",
// "link-local address (cloud metadata)", ...), or "" when it is public.
std::string refusal_rule(const NetAddress& a);

// The site's `server_script_http_allow` list. Entries:
//   "127.0.0.1:8000", "[::1]:8000"   that address, that port only
//   "10.1.2.3", "fd00::1"            that address, any port
//   "10.0.0.0/8", "fd00::/8"         a network, any port
//   "internal.example[:port]"        whatever that name resolves to, when the
//                                    URL names it (not other names resolving
//                                    to the same addresses)
// The allow-list opens addresses only: schemes other than http and https stay
// refused. IPv4-mapped IPv6 addresses match IPv4 entries.
class HttpAllowList {
 public:
  HttpAllowList() = default;
  // Throws std::invalid_argument naming the first malformed entry.
  explicit HttpAllowList(const std::vector<std::string>& entries);

  bool empty() const { return networks_.empty() && hosts_.empty(); }
  // May a request for URL host `host` connect to `a` (a.port is the port)?
  bool allows(std::string_view host, const NetAddress& a) const;

 private:
  struct Network {
    NetAddress base;
    int prefix = 0;
    std::uint16_t port = 0;  // 0: any
  };
  struct Host {
    std::string name;  // lower case, no trailing dot
    std::uint16_t port = 0;
  };
  std::vector<Network> networks_;
  std::vector<Host> hosts_;
};

// Lower case, without the brackets of an IPv6 literal and a trailing dot.
std::string normalized_host(std::string_view host);

}  // namespace quire::scripting
