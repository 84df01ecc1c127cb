#include "scripting/http_address_rules.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <stdexcept>

namespace quire::scripting {

namespace {

struct Rule {
  const char* network;
  int prefix;
  const char* name;
};

// Most specific first: the first match names the refusal.
constexpr Rule kIpv4Rules[] = {
    {"169.254.169.254", 32, "link-local address (the cloud metadata endpoint)"},
    {"0.0.0.0", 8, "unspecified address (0.0.0.0/8)"},
    {"10.0.0.0", 8, "private address (RFC 1918)"},
    {"100.64.0.0", 10, "shared address space (100.64.0.0/10)"},
    {"127.0.0.0", 8, "loopback address"},
    {"169.254.0.0", 16, "link-local address (169.254.0.0/16)"},
    {"172.16.0.0", 12, "private address (RFC 1918)"},
    {"192.0.0.0", 24, "IETF protocol address (192.0.0.0/24)"},
    {"192.168.0.0", 16, "private address (RFC 1918)"},
    {"198.18.0.0", 15, "benchmarking address (198.18.0.0/15)"},
    {"224.0.0.0", 4, "multicast address"},
    {"240.0.0.0", 4, "reserved or broadcast address (240.0.0.0/4)"},
};

constexpr Rule kIpv6Rules[] = {
    {"::", 128, "unspecified address (::)"},
    {"::1", 128, "loopback address (::1)"},
    {"64:ff9b:1::", 48, "local-use NAT64 address (64:ff9b:1::/48)"},
    {"100::", 64, "discard-only address (100::/64)"},
    {"fc00::", 7, "private address (unique local, fc00::/7)"},
    {"fe80::", 10, "link-local address (fe80::/10)"},
    {"fec0::", 10, "site-local address (fec0::/10)"},
    {"ff00::", 8, "multicast address"},
};

bool in_network(const NetAddress& a, const NetAddress& base, int prefix) {
  if (a.v6 != base.v6) return false;
  int full = prefix / 8, rest = prefix % 8;
  if (std::memcmp(a.bytes.data(), base.bytes.data(), static_cast<std::size_t>(full)) != 0)
    return false;
  if (rest == 0) return true;
  auto mask = static_cast<std::uint8_t>(0xFF << (8 - rest));
  return (a.bytes[static_cast<std::size_t>(full)] & mask) ==
         (base.bytes[static_cast<std::size_t>(full)] & mask);
}

NetAddress v4_from(const std::uint8_t* four, std::uint16_t port) {
  NetAddress out;
  std::memcpy(out.bytes.data(), four, 4);
  out.port = port;
  return out;
}

bool v6_prefix(const NetAddress& a, const char* text, int prefix) {
  static_assert(sizeof(in6_addr) == 16);
  NetAddress base;
  base.v6 = true;
  inet_pton(AF_INET6, text, base.bytes.data());
  return in_network(a, base, prefix);
}

// An IPv6 address that carries an IPv4 one: the IPv4 address and how.
std::optional<std::pair<NetAddress, const char*>> embedded_v4(const NetAddress& a) {
  if (!a.v6) return std::nullopt;
  const std::uint8_t* b = a.bytes.data();
  if (v6_prefix(a, "::ffff:0:0", 96)) return std::pair{v4_from(b + 12, a.port), "IPv4-mapped"};
  if (v6_prefix(a, "64:ff9b::", 96)) return std::pair{v4_from(b + 12, a.port), "NAT64"};
  if (v6_prefix(a, "2002::", 16)) return std::pair{v4_from(b + 2, a.port), "6to4"};
  // IPv4-compatible (::a.b.c.d, deprecated); :: and ::1 have rules of their own.
  if (v6_prefix(a, "::", 96) && !v6_prefix(a, "::", 127))
    return std::pair{v4_from(b + 12, a.port), "IPv4-compatible"};
  return std::nullopt;
}

bool parse_port(std::string_view text, std::uint16_t& port) {
  if (text.empty() || text.size() > 5) return false;
  unsigned value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  if (value == 0 || value > 65535) return false;
  port = static_cast<std::uint16_t>(value);
  return true;
}

}  // namespace

std::optional<NetAddress> address_from_sockaddr(const sockaddr* sa) {
  if (!sa) return std::nullopt;
  NetAddress out;
  if (sa->sa_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(sa);
    std::memcpy(out.bytes.data(), &in->sin_addr, 4);
    out.port = ntohs(in->sin_port);
    return out;
  }
  if (sa->sa_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(sa);
    out.v6 = true;
    std::memcpy(out.bytes.data(), &in6->sin6_addr, 16);
    out.port = ntohs(in6->sin6_port);
    return out;
  }
  return std::nullopt;
}

std::optional<NetAddress> parse_ip(std::string_view text) {
  std::string s(text);
  NetAddress out;
  if (inet_pton(AF_INET, s.c_str(), out.bytes.data()) == 1) return out;
  out.v6 = true;
  if (inet_pton(AF_INET6, s.c_str(), out.bytes.data()) == 1) return out;
  return std::nullopt;
}

std::string address_text(const NetAddress& a) {
  char buf[INET6_ADDRSTRLEN] = {};
  inet_ntop(a.v6 ? AF_INET6 : AF_INET, a.bytes.data(), buf, sizeof buf);
  return buf;
}

std::string refusal_rule(const NetAddress& a) {
  if (auto inner = embedded_v4(a)) {
    std::string rule = refusal_rule(inner->first);
    return rule.empty() ? rule : rule + " (as an " + inner->second + " IPv6 address)";
  }
  if (!a.v6) {
    for (const auto& r : kIpv4Rules) {
      if (in_network(a, *parse_ip(r.network), r.prefix)) return r.name;
    }
    return "";
  }
  for (const auto& r : kIpv6Rules) {
    if (in_network(a, *parse_ip(r.network), r.prefix)) return r.name;
  }
  return "";
}

std::string normalized_host(std::string_view host) {
  std::string out(host);
  if (out.size() >= 2 && out.front() == '[' && out.back() == ']')
    out = out.substr(1, out.size() - 2);
  while (!out.empty() && out.back() == '.') out.pop_back();
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

HttpAllowList::HttpAllowList(const std::vector<std::string>& entries) {
  for (const std::string& raw : entries) {
    auto bad = [&raw](const char* why) {
      return std::invalid_argument("server_script_http_allow: bad entry '" + raw + "' (" + why +
                                   ")");
    };
    std::string_view e = raw;
    std::string_view host = e, port_text;
    if (!e.empty() && e.front() == '[') {
      auto close = e.find(']');
      if (close == std::string_view::npos) throw bad("no closing ]");
      host = e.substr(1, close - 1);
      std::string_view after = e.substr(close + 1);
      if (!after.empty()) {
        if (after.front() != ':') throw bad("expected :port after ]");
        port_text = after.substr(1);
      }
    } else if (std::count(e.begin(), e.end(), ':') == 1) {
      auto colon = e.find(':');
      host = e.substr(0, colon);
      port_text = e.substr(colon + 1);
    }
    std::uint16_t port = 0;
    if (!port_text.empty() && !parse_port(port_text, port)) throw bad("port is not 1-65535");
    if (host.empty()) throw bad("empty host");

    std::string_view addr = host;
    int prefix = -1;
    if (auto slash = host.find('/'); slash != std::string_view::npos) {
      addr = host.substr(0, slash);
      std::string_view p = host.substr(slash + 1);
      if (p.empty() || p.size() > 3 ||
          !std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw bad("prefix length is not a number");
      prefix = std::stoi(std::string(p));
    }
    if (auto ip = parse_ip(addr)) {
      int max = ip->v6 ? 128 : 32;
      if (prefix > max) throw bad("prefix length too long");
      networks_.push_back(Network{*ip, prefix < 0 ? max : prefix, port});
      continue;
    }
    if (prefix >= 0) throw bad("a network must be an IP address with /prefix");
    std::string name = normalized_host(host);
    bool valid = std::all_of(name.begin(), name.end(), [](unsigned char c) {
      return std::isalnum(c) || c == '-' || c == '.' || c == '_';
    });
    if (!valid || name.empty()) throw bad("not an address, network or host name");
    hosts_.push_back(Host{name, port});
  }
}

bool HttpAllowList::allows(std::string_view host, const NetAddress& a) const {
  NetAddress plain = a;
  if (auto inner = embedded_v4(a); inner && std::strcmp(inner->second, "IPv4-mapped") == 0)
    plain = inner->first;
  for (const auto& n : networks_) {
    if (n.port != 0 && n.port != a.port) continue;
    if (in_network(a, n.base, n.prefix) || in_network(plain, n.base, n.prefix)) return true;
  }
  std::string name = normalized_host(host);
  for (const auto& h : hosts_) {
    if (h.name == name && (h.port == 0 || h.port == a.port)) return true;
  }
  return false;
}

}  // namespace quire::scripting
