#include "scripting/number_words.h"

#include <utility>
#include <vector>

namespace quire::scripting {

namespace {

// A word group with its value, or a list of groups still to be merged
// (num2words' nested tuples and lists).
struct Node {
  bool is_pair = true;
  std::string text;
  std::int64_t num = 0;
  std::vector<Node> list;
  static Node pair(std::string t, std::int64_t n) {
    Node x;
    x.text = std::move(t);
    x.num = n;
    return x;
  }
  static Node of(std::vector<Node> items) {
    Node x;
    x.is_pair = false;
    x.list = std::move(items);
    return x;
  }
};

// Named numbers, largest first (the order num2words walks its cards in).
const std::vector<std::pair<std::int64_t, const char*>>& cards() {
  static const std::vector<std::pair<std::int64_t, const char*>> c = {
      {1000000000000000000LL, "quintillion"},
      {1000000000000000LL, "quadrillion"},
      {1000000000000LL, "trillion"},
      {1000000000LL, "billion"},
      {1000000LL, "million"},
      {1000, "thousand"},
      {100, "hundred"},
      {90, "ninety"},
      {80, "eighty"},
      {70, "seventy"},
      {60, "sixty"},
      {50, "fifty"},
      {40, "forty"},
      {30, "thirty"},
      {20, "twenty"},
      {19, "nineteen"},
      {18, "eighteen"},
      {17, "seventeen"},
      {16, "sixteen"},
      {15, "fifteen"},
      {14, "fourteen"},
      {13, "thirteen"},
      {12, "twelve"},
      {11, "eleven"},
      {10, "ten"},
      {9, "nine"},
      {8, "eight"},
      {7, "seven"},
      {6, "six"},
      {5, "five"},
      {4, "four"},
      {3, "three"},
      {2, "two"},
      {1, "one"},
      {0, "zero"},
  };
  return c;
}

// en_IN's cards: crore and lakh, then "en"'s from thousand down.
const std::vector<std::pair<std::int64_t, const char*>>& indian_cards() {
  static const std::vector<std::pair<std::int64_t, const char*>> c = [] {
    std::vector<std::pair<std::int64_t, const char*>> out = {{10000000LL, "crore"},
                                                             {100000LL, "lakh"}};
    for (const auto& card : cards()) {
      if (card.first <= 1000) out.push_back(card);
    }
    return out;
  }();
  return c;
}

using Cards = std::vector<std::pair<std::int64_t, const char*>>;

std::vector<Node> splitnum(std::int64_t value, const Cards& table) {
  for (const auto& [elem, word] : table) {
    if (elem > value) continue;
    std::vector<Node> out;
    std::int64_t div = 1, mod = 0;
    if (value != 0) {
      div = value / elem;
      mod = value % elem;
    }
    if (div == 1) {
      out.push_back(Node::pair("one", 1));
    } else {
      out.push_back(Node::of(splitnum(div, table)));
    }
    out.push_back(Node::pair(word, elem));
    if (mod) out.push_back(Node::of(splitnum(mod, table)));
    return out;
  }
  return {};
}

Node merge(const Node& l, const Node& r) {
  if (l.num == 1 && r.num < 100) return Node::pair(r.text, r.num);
  if (100 > l.num && l.num > r.num) return Node::pair(l.text + "-" + r.text, l.num + r.num);
  if (l.num >= 100 && 100 > r.num) return Node::pair(l.text + " and " + r.text, l.num + r.num);
  if (r.num > l.num) return Node::pair(l.text + " " + r.text, l.num * r.num);
  return Node::pair(l.text + ", " + r.text, l.num + r.num);
}

Node clean(std::vector<Node> val) {
  std::vector<Node> out = val;
  while (val.size() != 1) {
    out.clear();
    const Node& left = val[0];
    const Node& right = val[1];
    if (left.is_pair && right.is_pair) {
      out.push_back(merge(left, right));
      if (val.size() > 2) out.push_back(Node::of(std::vector<Node>(val.begin() + 2, val.end())));
    } else {
      for (const Node& elem : val) {
        if (!elem.is_pair) {
          out.push_back(elem.list.size() == 1 ? elem.list[0] : clean(elem.list));
        } else {
          out.push_back(elem);
        }
      }
    }
    val = out;
  }
  return out[0];
}

}  // namespace

std::string number_to_words(std::int64_t n, bool indian) {
  if (n < 0) return "minus " + number_to_words(-n, indian);
  bool use_indian = indian && n < 10000000000LL;
  return clean(splitnum(n, use_indian ? indian_cards() : cards())).text;
}

}  // namespace quire::scripting
