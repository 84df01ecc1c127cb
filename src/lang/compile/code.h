#pragma once
// Code objects and programs: the immutable output of the compiler.
//
// Bytecode: a stack machine (CPython-like) of 32-bit instructions, opcode in
// the low 8 bits and a 24-bit argument above it. Why a stack machine: it
// compiles straight from the AST with little analysis, and fixed-width words
// make decoding one shift and one mask. Jumps hold absolute instruction indexes.
//
// Slots: a frame's `locals` array holds, in order, the parameters, the other
// local variables, and the variables shared with closures (cells and free
// variables both hold a Cell object, LOAD_DEREF reads through it). Module-level
// names are program-wide global slots; a global that is never assigned falls
// back to the builtin with the same name (resolved at compile time).
//
// A Code object and its constants (immortal Str/Tuple objects) are never
// written after compilation, so any number of threads may run them at once.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lang/object/object.h"

namespace quire::lang {

// clang-format off
#define QUIRE_OPS(X) \
  X(NOP) X(POP_TOP) X(DUP_TOP) X(DUP_TOP_TWO) X(ROT_TWO) X(ROT_THREE) X(ROT_FOUR) X(LOAD_CONST) \
  X(LOAD_FAST) X(STORE_FAST) X(DELETE_FAST) X(LOAD_DEREF) X(STORE_DEREF) X(DELETE_DEREF) \
  X(LOAD_GLOBAL) X(STORE_GLOBAL) X(DELETE_GLOBAL) X(LOAD_NAME) X(STORE_NAME) X(LOAD_ATTR) \
  X(STORE_ATTR) X(DELETE_ATTR) X(LOAD_METHOD) X(CALL_METHOD) X(CALL_METHOD_KW) X(CALL) \
  X(CALL_KW) X(CALL_EX) X(BINARY) X(INPLACE) X(UNARY_NEG) X(UNARY_POS) X(UNARY_NOT) \
  X(UNARY_INVERT) X(COMPARE) X(IS) X(CONTAINS) X(SUBSCR) X(STORE_SUBSCR) X(DELETE_SUBSCR) \
  X(BUILD_LIST) X(BUILD_TUPLE) X(BUILD_MAP) X(BUILD_SET) X(BUILD_SLICE) X(BUILD_STRING) \
  X(LIST_APPEND) X(SET_ADD) X(MAP_ADD) X(LIST_EXTEND) X(SET_UPDATE) X(DICT_UPDATE) X(DICT_MERGE) \
  X(LIST_TO_TUPLE) X(UNPACK_SEQUENCE) X(UNPACK_EX) X(GET_ITER) X(FOR_ITER) X(JUMP) X(POP_JUMP_IF_FALSE) \
  X(POP_JUMP_IF_TRUE) X(JUMP_IF_FALSE_OR_POP) X(JUMP_IF_TRUE_OR_POP) X(RETURN_VALUE) \
  X(MAKE_FUNCTION) X(MAKE_CELL) X(FORMAT_VALUE) X(SETUP_FINALLY) X(POP_BLOCK) X(POP_EXCEPT) \
  X(RERAISE) X(RAISE_VARARGS) X(JUMP_IF_NOT_EXC_MATCH) X(YIELD_VALUE) X(GET_YIELD_FROM_ITER) \
  X(YIELD_FROM) X(BUILD_CLASS) X(IMPORT_NAME) X(IMPORT_FROM) X(LOAD_ASSERTION_ERROR) \
  X(SETUP_WITH) X(WITH_EXIT) X(LOAD_SUPER) X(CHECK_STEPS)
// clang-format on

enum Op : std::uint8_t {
#define QUIRE_OP_ENUM(name) name,
  QUIRE_OPS(QUIRE_OP_ENUM)
#undef QUIRE_OP_ENUM
      kOpCount
};

// BINARY / INPLACE argument.
enum BinOpCode : std::uint8_t {
  kAdd,
  kSub,
  kMul,
  kMatMul,
  kTrueDiv,
  kMod,
  kPow,
  kLShift,
  kRShift,
  kOr,
  kXor,
  kAnd,
  kFloorDiv
};
// COMPARE argument.
enum CmpCode : std::uint8_t { kEq, kNe, kLt, kLe, kGt, kGe };

// MAKE_FUNCTION flags.
constexpr std::uint32_t kFnDefaults = 1, kFnKwDefaults = 2, kFnClosure = 4;
// LIST_EXTEND / DICT_MERGE flag: the list is a call's argument list (better errors).
constexpr std::uint32_t kForCall = 1u << 20;
// FORMAT_VALUE flags: low 2 bits conversion (0 none, 1 str, 2 repr, 3 ascii), 4 = spec on stack.
constexpr std::uint32_t kFmtSpec = 4;

inline std::uint32_t encode(Op op, std::uint32_t arg = 0) {
  return op | (arg << 8);
}
inline Op op_of(std::uint32_t word) {
  return static_cast<Op>(word & 0xff);
}
inline std::uint32_t arg_of(std::uint32_t word) {
  return word >> 8;
}
const char* op_name(Op op);

struct Program;

// Where an instruction came from, as CPython 3.11's co_positions(): first and
// last line, and start/end column as UTF-8 byte offsets (-1: unknown).
struct Position {
  int line = 0;
  int end_line = 0;
  int col = -1;
  int end_col = -1;
  bool operator==(const Position&) const = default;
};

// Builds Code::positions, one add() per emitted instruction (the compiler).
class PositionTableWriter {
 public:
  void add(const Position& p);
  std::vector<std::uint8_t> finish();

 private:
  void flush();
  Position run_position_;
  Position previous_;  // of the last flushed run: lines are stored as deltas
  std::uint32_t run_length_ = 0;
  std::vector<std::uint8_t> out_;
};

struct Code {
  std::string name;      // function name (for tracebacks): "<module>", "f", "<lambda>"
  std::string qualname;  // "C.method"
  std::vector<std::uint32_t> ops;
  std::vector<int> lines;  // source line of each instruction
  // The rest of each instruction's Position, read only to format a traceback
  // (never by the dispatch loop): runs of equal positions, varint-encoded
  // (see positions.cpp), a few bytes per source expression.
  std::vector<std::uint8_t> positions;
  std::vector<Value> consts;
  std::vector<Str*> names;  // attribute / global names used by the ops
  // Parameters: slots [0, nposonly + nargs) positional, then nkwonly keyword-only,
  // then *args (if has_varargs), then **kwargs (if has_varkw).
  int nposonly = 0;
  int nargs = 0;  // positional parameters including positional-only
  int nkwonly = 0;
  bool has_varargs = false;
  bool has_varkw = false;
  std::vector<std::string> local_names;  // one per slot
  int nlocals = 0;                       // all slots (params, locals, cells, frees)
  std::vector<int> cell_slots;           // local slots turned into cells at entry
  int free_start = 0;                    // free vars occupy [free_start, nlocals)
  int nfree = 0;
  int stack_size = 0;
  int max_blocks = 0;
  bool is_generator = false;
  bool is_class_body = false;
  const Program* program = nullptr;

  // The position of instruction `index` (decodes `positions` from the start).
  Position position(std::size_t index) const;

  int param_count() const { return nargs + nkwonly + (has_varargs ? 1 : 0) + (has_varkw ? 1 : 0); }
};

// A compiled program: every code object, the module's global names, and the
// immortal constants they reference (freed with the program).
struct Program {
  std::string filename;
  std::string source;
  std::vector<std::unique_ptr<Code>> codes;
  Code* main = nullptr;
  std::vector<std::string> global_names;
  std::vector<int> global_builtin;  // builtin index for each global, or -1
  std::vector<Object*> constants;   // owned immortal objects
  Program() = default;
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;
  ~Program();
  // Global slot of a module-level name, or -1 (for hosts binding globals by name).
  int global_slot(std::string_view name) const;
  // The text of source line `line` (1-based), without its newline.
  std::string source_line(int line) const;
};

}  // namespace quire::lang
