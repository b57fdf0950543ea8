#include "analysis/report/text_escaping.hpp"

#include <fmt/core.h>

namespace ov::report {

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (const char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20 && ch != '\n' && ch != '\t') break;  // drop control chars
        out += ch;
    }
  }
  return out;
}

std::string csv_field(std::string_view s) {
  const bool needs_quotes = s.find_first_of(",\"\r\n") != std::string_view::npos ||
                            (!s.empty() && (s.front() == ' ' || s.back() == ' ' || s.front() == '\t' || s.back() == '\t'));
  if (!needs_quotes) return std::string(s);
  std::string out = "\"";
  for (const char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

std::string markdown_cell(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    switch (ch) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '#':
        out += '\\';
        out += ch;
        break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20) break;
        out += ch;
    }
  }
  return out;
}

std::string gnuplot_string(std::string_view s) {
  std::string out = "'";
  for (const char ch : s) {
    if (ch == '\'') {
      out += "''";
    } else if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) {
      out += ' ';
    } else {
      out += ch;
    }
  }
  out += "'";
  return out;
}

std::string citation_text(const nlohmann::json& source) {
  if (!source.is_object()) return "";
  std::string out;
  auto add = [&](const char* key, const char* prefix) {
    if (source.contains(key) && source[key].is_string() && !source[key].get<std::string>().empty()) {
      if (!out.empty()) out += ", ";
      out += prefix + source[key].get<std::string>();
    }
  };
  add("file", "");
  add("section", "§");
  add("equation", "");
  add("lines", "");
  return out;
}

std::string display_value(const nlohmann::json& v) {
  if (v.is_null()) return "—";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer()) return v.dump();
  if (v.is_number_float()) return fmt::format("{:.6g}", v.get<double>());
  return v.dump();
}

}  // namespace ov::report
