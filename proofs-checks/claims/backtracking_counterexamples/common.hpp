// Shared helpers of the claims in proofs-checks/claims/backtracking_counterexamples/ (this group only):
// report-schema Series objects, exact strings, and exact arithmetic in the quadratic field Q(sqrt 3)
// (Example 2.17 of 000: delta0 = (3 +- sqrt 3)/6).
#pragma once

#include "proofs-checks/figures.hpp"  // flatten_figures

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/numeric/scalars.hpp"

namespace ov::claims::bt_cex {

// One report-schema Series (docs/report-schema.md).
nlohmann::json make_series(const std::string& name, const std::string& plot, const std::string& kind,
                           const std::string& role, const std::vector<double>& x, const std::vector<double>& y,
                           const std::string& x_label, const std::string& y_label, bool log_x, bool log_y);


std::string str(const rational& q);  // "p/q"
double to_double(const rational& q);  // correctly rounded

// a + b sqrt(3), a, b rational: exact field arithmetic; sign() is exact (sqrt 3 is irrational, so
// a + b sqrt 3 = 0 iff a = b = 0, and for a, b of opposite signs the sign is that of the larger of
// a^2 and 3 b^2).
struct QS3 {
  rational a = 0, b = 0;
  QS3() = default;
  QS3(rational a_, rational b_) : a(std::move(a_)), b(std::move(b_)) {}
  static QS3 of(const rational& q) { return {q, rational(0)}; }
};
QS3 operator+(const QS3& x, const QS3& y);
QS3 operator-(const QS3& x, const QS3& y);
QS3 operator-(const QS3& x);
QS3 operator*(const QS3& x, const QS3& y);
int sign(const QS3& x);
bool operator==(const QS3& x, const QS3& y);
std::string str(const QS3& x);  // "a + b*sqrt(3)"
double to_double(const QS3& x);  // via mp100, correctly rounded to 1 ulp or so
interval enclose(const QS3& x);  // certified enclosure

}  // namespace ov::claims::bt_cex
