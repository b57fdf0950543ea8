// Validation of a report document against the schema "optverify-report/1"
// (docs/report-schema.md): required fields and their types, verdict and kind
// values, series shapes (x/y lengths, interval ends), Monte-Carlo counts.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace ov::report {

// One problem found in a document. `path` locates the field, e.g.
// `claims[2] (id "castera.inna.x").evidence.series[0].y[3]`.
struct SchemaError {
  std::string path;
  std::string message;
  std::string to_string() const { return path + ": " + message; }
};

// Every problem in the document (empty when it is valid).
std::vector<SchemaError> validate_report(const nlohmann::json& document);

// Throws std::invalid_argument listing every problem (prefixed by `what`, e.g. a file
// name) when the document is not valid.
void require_valid_report(const nlohmann::json& document, const std::string& what = "report");

// The claim verdicts, in the order used by the summary tables.
const std::vector<std::string>& verdict_values();

// A JSON value that stands for a real number: a finite number, or a decimal string
// (schema: numbers that do not fit a double are written as strings) that parses as one.
bool is_real_value(const nlohmann::json& v);
// Its value as a double (strings are rounded); throws std::invalid_argument otherwise.
double real_value(const nlohmann::json& v);

}  // namespace ov::report
