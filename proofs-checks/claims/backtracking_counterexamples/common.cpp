#include "proofs-checks/claims/backtracking_counterexamples/common.hpp"

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/string_io.hpp"

namespace ov::claims::bt_cex {

nlohmann::json make_series(const std::string& name, const std::string& plot, const std::string& kind,
                           const std::string& role, const std::vector<double>& x, const std::vector<double>& y,
                           const std::string& x_label, const std::string& y_label, bool log_x, bool log_y) {
  return {{"name", name}, {"plot", plot},       {"kind", kind},   {"role", role},   {"x", x},
          {"y", y},       {"x_label", x_label}, {"y_label", y_label}, {"log_x", log_x}, {"log_y", log_y}};
}

std::string str(const rational& q) { return ov::to_string(q); }
double to_double(const rational& q) { return round_to<double>(q); }

QS3 operator+(const QS3& x, const QS3& y) { return {x.a + y.a, x.b + y.b}; }
QS3 operator-(const QS3& x, const QS3& y) { return {x.a - y.a, x.b - y.b}; }
QS3 operator-(const QS3& x) { return {-x.a, -x.b}; }
QS3 operator*(const QS3& x, const QS3& y) { return {x.a * y.a + 3 * x.b * y.b, x.a * y.b + x.b * y.a}; }
bool operator==(const QS3& x, const QS3& y) { return x.a == y.a && x.b == y.b; }

int sign(const QS3& x) {
  const int sa = x.a > 0 ? 1 : (x.a < 0 ? -1 : 0);
  const int sb = x.b > 0 ? 1 : (x.b < 0 ? -1 : 0);
  if (sb == 0) return sa;
  if (sa == 0 || sa == sb) return sb;
  const rational c = x.a * x.a - 3 * x.b * x.b;  // != 0: 3 is not a rational square
  return c > 0 ? sa : sb;
}

std::string str(const QS3& x) { return ov::to_string(x.a) + " + " + ov::to_string(x.b) + "*sqrt(3)"; }

double to_double(const QS3& x) {
  const mp100 v = round_to<mp100>(x.a) + round_to<mp100>(x.b) * num::sqrt(mp100(3));
  return static_cast<double>(v);
}

interval enclose(const QS3& x) {
  return round_to<interval>(x.a) + round_to<interval>(x.b) * num::sqrt(interval(3));
}

}  // namespace ov::claims::bt_cex
