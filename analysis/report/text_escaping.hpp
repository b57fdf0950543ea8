// Escaping of untrusted text (titles, statements, labels from claims) for each
// output format of the report: HTML, CSV (RFC 4180), Markdown table cells and
// gnuplot string literals.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace ov::report {

// & < > " ' become entities; other control characters (except tab/newline) are dropped.
std::string html_escape(std::string_view s);

// One CSV field: quoted (with "" for ") when it contains , " CR LF or leading/trailing
// blanks, as RFC 4180 requires; otherwise unchanged.
std::string csv_field(std::string_view s);

// Text safe inside a Markdown table cell: \ ` * _ [ ] < > | # are backslash-escaped
// and newlines become spaces.
std::string markdown_cell(std::string_view s);

// A gnuplot single-quoted string literal: '...' with ' doubled; newlines and other
// control characters become spaces (a gnuplot script is line based), so no title can
// end the literal or start a new command.
std::string gnuplot_string(std::string_view s);

// "file, §section, equation, lines" from a ClaimResult "source" object (missing parts skipped).
std::string citation_text(const nlohmann::json& source);

// A JSON value as short display text: strings as they are, numbers with up to 6
// significant digits, null as "—".
std::string display_value(const nlohmann::json& v);

}  // namespace ov::report
