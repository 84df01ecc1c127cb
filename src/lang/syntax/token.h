#pragma once
// Tokens produced by the tokenizer (tokenizer.h) and consumed by the parser.

#include <cstdint>
#include <string_view>

namespace quire::lang::syntax {

enum class TokenKind : std::uint8_t {
  Name,
  Number,
  String,
  Op,
  Newline,
  Indent,
  Dedent,
  EndMarker
};

// Operators and delimiters. Keywords are Name tokens with a Keyword tag.
enum class Op : std::uint8_t {
  None,
  LPar,
  RPar,
  LSqb,
  RSqb,
  LBrace,
  RBrace,
  Colon,
  Comma,
  Semi,
  Plus,
  Minus,
  Star,
  Slash,
  VBar,
  Amper,
  Less,
  Greater,
  Equal,
  Dot,
  Percent,
  EqEqual,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Tilde,
  CircumFlex,
  LeftShift,
  RightShift,
  DoubleStar,
  PlusEqual,
  MinEqual,
  StarEqual,
  SlashEqual,
  PercentEqual,
  AmperEqual,
  VBarEqual,
  CircumFlexEqual,
  LeftShiftEqual,
  RightShiftEqual,
  DoubleStarEqual,
  DoubleSlash,
  DoubleSlashEqual,
  At,
  AtEqual,
  RArrow,
  Ellipsis,
  ColonEqual,
  Exclamation,  // only valid inside f-string replacement fields
};

enum class KeywordKind : std::uint8_t {
  None,
  False,
  NoneKw,
  True,
  And,
  As,
  Assert,
  Async,
  Await,
  Break,
  Class,
  Continue,
  Def,
  Del,
  Elif,
  Else,
  Except,
  Finally,
  For,
  From,
  Global,
  If,
  Import,
  In,
  Is,
  Lambda,
  Nonlocal,
  Not,
  Or,
  Pass,
  Raise,
  Return,
  Try,
  While,
  With,
  Yield,
};

struct Token {
  TokenKind kind = TokenKind::EndMarker;
  Op op = Op::None;                         // for Op tokens
  KeywordKind keyword = KeywordKind::None;  // for Name tokens that are keywords
  std::uint32_t start = 0;                  // byte offsets into the source
  std::uint32_t end = 0;
  int lineno = 0;  // 1-based
  int col = 0;     // 0-based byte column
  int end_lineno = 0;
  int end_col = 0;
  int level = 0;  // bracket nesting depth before this token
};

}  // namespace quire::lang::syntax
