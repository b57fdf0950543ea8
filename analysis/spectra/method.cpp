#include "analysis/spectra/method.hpp"

#include <boost/multiprecision/mpfr.hpp>
#include <stdexcept>

#include "analysis/numeric/scalars.hpp"

namespace ov::spectra {

namespace {

constexpr Method kAll[] = {Method::gd, Method::hb, Method::nag, Method::inna, Method::din};

enum class Range { positive, nonnegative, half_open_unit };

const char* range_text(Range r) {
  switch (r) {
    case Range::positive: return "(0, inf)";
    case Range::nonnegative: return "[0, inf)";
    case Range::half_open_unit: return "[0, 1)";
  }
  return "";
}

std::string check(Method m, const char* flag, const char* meaning, const std::optional<std::string>& v, Range r) {
  const std::string who = std::string("spectrum --method ") + to_string(m) + ": ";
  if (!v) throw std::invalid_argument(who + flag + " (" + meaning + ") is required, valid range " + range_text(r));
  mp100 x;
  try {
    x = constant<mp100>(*v);
  } catch (const std::exception& e) {
    throw std::invalid_argument(who + flag + " \"" + *v + "\" is not a number or constant expression (" + e.what() +
                                "); valid range " + range_text(r));
  }
  bool ok = boost::multiprecision::isfinite(x);
  if (ok) {
    switch (r) {
      case Range::positive: ok = x > 0; break;
      case Range::nonnegative: ok = x >= 0; break;
      case Range::half_open_unit: ok = x >= 0 && x < 1; break;
    }
  }
  if (!ok) throw std::invalid_argument(who + flag + " = " + *v + " is outside the valid range " + range_text(r) + " (" + meaning + ")");
  return *v;
}

void refuse(Method m, const char* flag, const std::optional<std::string>& v, const char* why) {
  if (v) {
    throw std::invalid_argument(std::string("spectrum --method ") + to_string(m) + ": " + flag + " = " + *v +
                                " is not a parameter of this method (" + why + ")");
  }
}

}  // namespace

const char* to_string(Method m) {
  switch (m) {
    case Method::gd: return "gd";
    case Method::hb: return "hb";
    case Method::nag: return "nag";
    case Method::inna: return "inna";
    case Method::din: return "din";
  }
  return "?";
}

std::string method_list() {
  std::string s;
  for (Method m : kAll) s += (s.empty() ? "" : ", ") + std::string(to_string(m));
  return s;
}

Method parse_method(const std::string& name) {
  for (Method m : kAll)
    if (name == to_string(m)) return m;
  throw std::invalid_argument("--method \"" + name + "\": unknown method; the methods are " + method_list());
}

bool is_continuous(Method m) { return m == Method::din; }
int block_size(Method m) { return m == Method::gd ? 1 : 2; }

bool Parameters::rational() const {
  for (const std::string* s : {&alpha, &beta, &gamma}) {
    if (s->empty()) continue;
    try {
      (void)constant<ov::rational>(*s);
    } catch (const std::exception&) {
      return false;
    }
  }
  return true;
}

Parameters validate(Method m, const RawParameters& raw) {
  Parameters p;
  p.method = m;
  switch (m) {
    case Method::gd:
      refuse(m, "--alpha", raw.alpha, "gd uses only --gamma, the step size");
      refuse(m, "--beta", raw.beta, "gd uses only --gamma, the step size");
      p.gamma = check(m, "--gamma", "step size", raw.gamma, Range::positive);
      break;
    case Method::hb:
    case Method::nag:
      refuse(m, "--alpha", raw.alpha, "hb and nag use --gamma (step) and --beta (momentum)");
      p.gamma = check(m, "--gamma", "step size", raw.gamma, Range::positive);
      p.beta = check(m, "--beta", "momentum coefficient mu", raw.beta, Range::half_open_unit);
      break;
    case Method::inna:
      p.alpha = check(m, "--alpha", "viscous damping", raw.alpha, Range::nonnegative);
      p.beta = check(m, "--beta", "Newton damping", raw.beta, Range::positive);
      p.gamma = check(m, "--gamma", "step size", raw.gamma, Range::positive);
      break;
    case Method::din:
      p.alpha = check(m, "--alpha", "viscous damping", raw.alpha, Range::nonnegative);
      p.beta = check(m, "--beta", "Newton damping", raw.beta, Range::positive);
      refuse(m, "--gamma", raw.gamma, "din is the continuous-time system (2.6); it has no step size");
      break;
  }
  return p;
}

}  // namespace ov::spectra
