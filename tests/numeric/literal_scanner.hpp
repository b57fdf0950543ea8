// Finds floating-point literals used to construct a non-builtin or template scalar:
// T(0.1), mp50(1e-3), ov::interval(.5), static_cast<S>(0.25), lift<T>(0.5), ...
// Such a constant is the binary64 value widened to T, not the decimal (T(0.1) != 1/10 in
// mp50; anchors-verified-numerics.md §1.4). Write T(1)/10, integer<T>(n) or
// constant<T>("0.1") instead; double(0.5) and plain double arithmetic are fine.
//
// Comments, string and character literals are blanked before matching (so docs that
// mention T(0.1) do not count). A line carrying the marker "ov-lint: double-literal-ok"
// is skipped (use it only for a value that is a double on purpose, and say why).
#pragma once

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace ov::lint {

struct Finding {
  std::string file;
  int line = 0;
  std::string text;
};

// Source with comments and string/char literals replaced by spaces (newlines kept).
inline std::string blank_comments_and_strings(const std::string& src) {
  std::string out = src;
  enum { code, line_comment, block_comment, str, chr } st = code;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const char c = src[i], n = i + 1 < src.size() ? src[i + 1] : '\0';
    switch (st) {
      case code:
        if (c == '/' && n == '/') { st = line_comment; out[i] = ' '; }
        else if (c == '/' && n == '*') { st = block_comment; out[i] = ' '; }
        else if (c == '"') st = str;
        else if (c == '\'' && !(i > 0 && std::isxdigit(static_cast<unsigned char>(src[i - 1])))) st = chr;  // not 1'000
        break;
      case line_comment:
        if (c == '\n') st = code; else out[i] = ' ';
        break;
      case block_comment:
        if (c == '*' && n == '/') { out[i] = ' '; out[i + 1] = ' '; ++i; st = code; }
        else if (c != '\n') out[i] = ' ';
        break;
      case str:
        if (c == '\\') { out[i] = ' '; if (i + 1 < out.size() && n != '\n') out[++i] = ' '; }
        else if (c == '"') st = code;
        else if (c != '\n') out[i] = ' ';
        break;
      case chr:
        if (c == '\\') { out[i] = ' '; if (i + 1 < out.size()) out[++i] = ' '; }
        else if (c == '\'') st = code;
        else out[i] = ' ';
        break;
    }
  }
  return out;
}

inline const std::vector<std::regex>& bad_literal_patterns() {
  static const std::string scalar = R"((?:T|S|R|U|Scalar|Real|mp50|mp100|float128|interval|rational))";
  static const std::string flit = R"(\s*\(\s*[-+]?\s*(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+[eE][-+]?[0-9]+))";
  static const std::vector<std::regex> patterns = {
      std::regex(R"((?:^|[^A-Za-z0-9_]))" + scalar + flit),
      std::regex(R"(static_cast\s*<\s*(?:ov::)?)" + scalar + R"(\s*>)" + flit),
      std::regex(R"(\blift\s*<[^;()]*>)" + flit),
  };
  return patterns;
}

// Findings in one source text (file is only used for reporting).
inline std::vector<Finding> scan_text(const std::string& file, const std::string& src) {
  std::vector<Finding> found;
  const std::string code = blank_comments_and_strings(src);
  std::istringstream code_lines(code), src_lines(src);
  std::string cl, sl;
  int line = 0;
  while (std::getline(code_lines, cl) && std::getline(src_lines, sl)) {
    ++line;
    if (sl.find("ov-lint: double-literal-ok") != std::string::npos) continue;
    for (const auto& re : bad_literal_patterns())
      if (std::regex_search(cl, re)) {
        found.push_back({file, line, sl});
        break;
      }
  }
  return found;
}

inline std::vector<Finding> scan_tree(const std::filesystem::path& root, const std::vector<std::string>& dirs) {
  std::vector<Finding> found;
  for (const auto& d : dirs) {
    const auto dir = root / d;
    if (!std::filesystem::exists(dir)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      const auto ext = entry.path().extension().string();
      if (ext != ".hpp" && ext != ".cpp" && ext != ".h" && ext != ".cc" && ext != ".cu" && ext != ".cuh") continue;
      std::ifstream in(entry.path());
      std::stringstream ss;
      ss << in.rdbuf();
      const auto rel = std::filesystem::relative(entry.path(), root).string();
      for (auto& f : scan_text(rel, ss.str())) found.push_back(std::move(f));
    }
  }
  return found;
}

}  // namespace ov::lint
