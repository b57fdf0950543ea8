// Splits a command-line list "a,b,c" at the commas that are not inside
// parentheses, so constant expressions such as "pow(2,3)" stay whole.
#pragma once

#include <string>
#include <vector>

namespace ov::cli {

inline std::vector<std::string> split_top_level_commas(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  for (char c : s) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == ',' && depth == 0) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

}  // namespace ov::cli
