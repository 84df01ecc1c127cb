// libFuzzer target for the HTTP front door: arbitrary bytes go through the
// request parser with the server's limits, fed in fuzzer-chosen chunk sizes
// (as a slow or hostile client would send them), and every request that
// parses is answered by the router. Nothing may crash, hang or leak.
//   build and run: make fuzz   (see fuzz/run.sh)

#include <cstddef>
#include <cstdint>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/api_routes.h"
#include "http/limits.h"
#include "http/router.h"

namespace {

const quire::http::Router& router() {
  static const quire::http::Router instance = [] {
    quire::http::Router r;
    quire::http::add_builtin_routes(r);
    return r;
  }();
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace http = boost::beast::http;
  if (size == 0) return 0;
  // The first byte picks the chunk size, so short reads are exercised too.
  const std::size_t chunk = 1 + data[0] % 64;
  ++data;
  --size;

  const quire::http::Limits limits;
  std::size_t offset = 0;    // first byte not yet consumed by a parser
  std::size_t received = 0;  // bytes "arrived" so far, as a read loop would have them
  while (offset < size) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(limits.max_header));
    parser.body_limit(limits.max_body);
    boost::beast::error_code ec;
    // Pipelined requests: each parser starts where the previous one stopped.
    while (!parser.is_done()) {
      if (received <= offset) received = std::min(size, offset + chunk);
      const std::size_t used = parser.put(boost::asio::buffer(data + offset, received - offset), ec);
      offset += used;
      if (ec == http::error::need_more || (!ec && used == 0 && !parser.is_done())) {
        ec = {};
        if (received == size) return 0;  // cut short: the server waits, then times out
        received = std::min(size, received + chunk);
        continue;
      }
      if (ec) return 0;  // malformed or over a limit: the server answers 4xx and closes
    }
    (void)router().handle(parser.get());
  }
  return 0;
}
