// libFuzzer target for the syntax layer: any bytes must parse to an AST or a
// SyntaxError, never crash, hang or overflow the stack.
//   build: CC=clang CXX=clang++ cmake -S . -B build-syntax-fuzz -G Ninja \
//            -DQUIRE_FUZZ=ON -DQUIRE_TESTS=OFF && cmake --build build-syntax-fuzz --target
//            syntax_fuzzer
//   run:   build-syntax-fuzz/fuzz/syntax_fuzzer -max_len=4096 tests/lang/syntax/corpus

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lang/syntax/ast_dump.h"
#include "lang/syntax/parser.h"

using namespace quire::lang::syntax;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  for (bool checks : {true, false}) {
    ParseLimits limits;
    limits.run_compile_checks = checks;
    ParseResult module = parse_module(source, "fuzz.py", limits);
    if (module.ok()) {
      (void)ast_dump(*module.module, true);
    } else {
      (void)format_syntax_error(*module.error);
    }
  }
  ParseResult expression = parse_expression(source, "fuzz.py");
  if (expression.ok()) {
    (void)ast_dump(*expression.expression, false);
  } else {
    (void)format_syntax_error(*expression.error);
  }
  return 0;
}
