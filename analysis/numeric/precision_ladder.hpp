// Precision ladder: decide the sign of a quantity by evaluating one generic callable at
// increasing precision, double -> mp50 -> mp100 -> interval (-> rational when asked),
// stopping at the first rung that decides.
//
// The callable is invoked as f(ov::ladder::tag<T>{}) and returns ov::ladder::Estimate<T>
// {value, scale}: the quantity and a bound on the magnitude of the terms it was computed
// from (e.g. |f(x+td)| + |f(x)| + |c t g^T d| for an Armijo slack). It must build all its
// data exactly in T (integers, T(1)/10, constant<T>("0.1")), never through double literals.
//
//   floating rungs (double, mp50, mp100): decide iff |value| > margin, margin =
//       error_ulps * epsilon(T) * scale. This is a rounding-error heuristic ("observed"),
//       not a proof; with require_certified they are recorded but cannot decide.
//   interval rung: decides iff 0 is not in the enclosure (certified). An interval_error
//       thrown inside the callable (an ambiguous comparison) counts as undecided.
//   rational rung (Top = Rung::rational): exact sign (certified); a callable that needs
//       an irrational operation throws ov::inexact_operation, recorded as undecided.
// The result records, for each rung tried, the value, margin and why it could not decide.
#pragma once

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/predicates.hpp"
#include "analysis/numeric/scalars.hpp"
#include "analysis/numeric/string_io.hpp"

namespace ov::ladder {

template <class T>
struct tag {
  using type = T;
};

template <class T>
struct Estimate {
  T value;
  T scale;  // >= |terms| the value was computed from; ignored by the interval and rational rungs
};

enum class Rung { double_, mp50, mp100, interval, rational };
inline const char* to_string(Rung r) {
  switch (r) {
    case Rung::double_: return "double";
    case Rung::mp50: return "mp50";
    case Rung::mp100: return "mp100";
    case Rung::interval: return "interval";
    case Rung::rational: return "rational";
  }
  return "?";
}

struct Attempt {
  Rung rung{};
  bool decided = false;
  std::string value;   // to_string of the value (the enclosure for interval)
  std::string margin;  // floating rungs: error_ulps * eps * scale
  std::string why;     // why it could not decide (empty when it decided)
};

struct Options {
  int error_ulps = 64;             // floating margin = error_ulps * epsilon(T) * scale
  bool require_certified = false;  // only the interval / rational rungs may decide
};

struct SignDecision {
  bool decided = false;
  int sign = 0;                // -1, 0, +1 when decided
  std::optional<Rung> rung;    // the rung that decided
  bool certified = false;      // decided by interval or rational
  std::vector<Attempt> attempts;
};

namespace detail {

template <class T, class F>
bool floating_rung(F& f, Rung rung, const Options& opt, SignDecision& out) {
  Attempt a;
    a.rung = rung;
  const Estimate<T> est = f(tag<T>{});
  using std::abs;
  const T margin = T(opt.error_ulps) * std::numeric_limits<T>::epsilon() * T(abs(est.scale));
  a.value = ov::to_string(est.value);
  a.margin = ov::to_string(margin);
  const T mag = abs(est.value);
  if (!(mag == mag)) {
    a.why = "value is NaN";
  } else if (mag > margin && !opt.require_certified) {
    a.decided = true;
    out.decided = true;
    out.sign = est.value > T(0) ? 1 : -1;
    out.rung = rung;
  } else if (mag > margin) {
    a.why = "|value| exceeds the rounding margin, but only certified rungs may decide";
  } else {
    a.why = "|value| <= margin (error_ulps * eps * scale): rounding could explain it";
  }
  out.attempts.push_back(a);
  return a.decided;
}

}  // namespace detail

template <Rung Top = Rung::interval, class F>
SignDecision decide_sign(F&& f, const Options& opt = {}) {
  SignDecision out;
  if (detail::floating_rung<double>(f, Rung::double_, opt, out)) return out;
  if (detail::floating_rung<mp50>(f, Rung::mp50, opt, out)) return out;
  if (detail::floating_rung<mp100>(f, Rung::mp100, opt, out)) return out;
  {
    Attempt a;
    a.rung = Rung::interval;
    try {
      const Estimate<interval> est = f(tag<interval>{});
      a.value = ov::to_string(est.value);
      if (const auto s = certain_sign(est.value)) {
        a.decided = true;
        out.decided = out.certified = true;
        out.sign = *s;
        out.rung = Rung::interval;
      } else {
        a.why = "the enclosure contains 0";
      }
    } catch (const boost::multiprecision::interval_error& e) {
      a.why = std::string("an interval comparison was ambiguous: ") + e.what();
    }
    out.attempts.push_back(a);
    if (a.decided) return out;
  }
  if constexpr (Top == Rung::rational) {
    Attempt a;
    a.rung = Rung::rational;
    try {
      const Estimate<rational> est = f(tag<rational>{});
      a.value = ov::to_string(est.value);
      a.decided = true;
      out.decided = out.certified = true;
      out.sign = est.value > 0 ? 1 : (est.value < 0 ? -1 : 0);
      out.rung = Rung::rational;
    } catch (const inexact_operation& e) {
      a.why = std::string("not rational: ") + e.what();
    }
    out.attempts.push_back(a);
  }
  return out;
}

}  // namespace ov::ladder
