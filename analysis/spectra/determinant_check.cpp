#include "analysis/spectra/determinant_check.hpp"

#include <deque>
#include <stdexcept>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/spectra/closed_forms.hpp"

namespace ov::spectra {

namespace {

// The smallest interval containing the exact rational segment [a, b].
interval enclose(const rational& a, const rational& b) {
  const interval ia = round_to<interval>(a), ib = round_to<interval>(b);
  return interval(lower(ia), upper(ib));
}

std::string segment(const rational& a, const rational& b) {
  return "[" + ov::to_string(a) + ", " + ov::to_string(b) + "]";
}

const char* kIntervalArgument =
    "inclusion property of outward-rounded interval arithmetic (the enclosure of det over each piece contains "
    "every value of det there); yes: no enclosure contains 0 and the pieces cover the range; no: pieces with "
    "certified opposite signs (intermediate value theorem) or an exact rational zero";
const char* kAffineArgument =
    "det is affine in lambda; an affine function has no zero on [lo, hi] iff its exact values at lo and hi are "
    "nonzero with the same sign (GMP rational arithmetic, no rounding)";

}  // namespace

NonsingularVerdict certify_nonzero_by_subdivision(const std::function<interval(const interval&)>& det_interval,
                                                  const std::function<rational(const rational&)>& det_exact,
                                                  const rational& lo, const rational& hi,
                                                  const SubdivisionOptions& o) {
  if (!(lo <= hi)) throw std::invalid_argument("certify_nonzero_by_subdivision: lo must be <= hi");
  NonsingularVerdict v;
  v.route = "interval-subdivision";
  v.argument = kIntervalArgument;
  struct Piece {
    rational a, b;
    int depth;
  };
  std::deque<Piece> work;
  const int n = o.initial_pieces < 1 ? 1 : o.initial_pieces;
  for (int i = 0; i < n; ++i) {
    work.push_back({lo + (hi - lo) * rational(i) / rational(n), lo + (hi - lo) * rational(i + 1) / rational(n), 0});
  }
  std::optional<Piece> positive, negative;
  while (!work.empty()) {
    Piece pc = work.front();
    work.pop_front();
    if (det_exact) {  // exact zeros at the rational endpoints
      for (const rational* x : {&pc.a, &pc.b}) {
        if (det_exact(*x) == 0) {
          v.holds = Tribool::no;
          v.witness = "det = 0 exactly at lambda = " + ov::to_string(*x);
          return v;
        }
      }
    }
    ++v.pieces;
    const interval d = det_interval(enclose(pc.a, pc.b));
    const std::optional<int> s = certain_sign(d);
    if (s && *s > 0) {
      if (!positive) positive = pc;
    } else if (s && *s < 0) {
      if (!negative) negative = pc;
    } else if (pc.depth < o.max_depth && v.pieces + static_cast<long>(work.size()) < o.max_pieces) {
      const rational m = (pc.a + pc.b) / 2;
      work.push_back({pc.a, m, pc.depth + 1});
      work.push_back({m, pc.b, pc.depth + 1});
    } else {
      ++v.undecided_pieces;
    }
    if (positive && negative) {
      v.holds = Tribool::no;
      v.witness = "det > 0 on " + segment(positive->a, positive->b) + " and det < 0 on " +
                  segment(negative->a, negative->b) + ": a zero lies between (intermediate value theorem)";
      return v;
    }
  }
  v.holds = v.undecided_pieces == 0 ? Tribool::yes : Tribool::undecided;
  return v;
}

NonsingularVerdict certify_nonzero_affine(const std::function<rational(const rational&)>& det_exact,
                                          const rational& lo, const rational& hi) {
  if (!(lo <= hi)) throw std::invalid_argument("certify_nonzero_affine: lo must be <= hi");
  NonsingularVerdict v;
  v.route = "exact-rational";
  v.argument = kAffineArgument;
  const rational a = det_exact(lo), b = det_exact(hi);
  if ((a > 0 && b > 0) || (a < 0 && b < 0)) {
    v.holds = Tribool::yes;
    return v;
  }
  v.holds = Tribool::no;
  if (a == 0) {
    v.witness = "det = 0 exactly at lambda = " + ov::to_string(lo);
  } else if (b == 0) {
    v.witness = "det = 0 exactly at lambda = " + ov::to_string(hi);
  } else {  // opposite signs: the affine zero lo + (hi - lo) a / (a - b)
    v.witness = "det = 0 exactly at lambda = " + ov::to_string(rational(lo + (hi - lo) * a / (a - b)));
  }
  return v;
}

NonsingularReport certify_nonsingular(const Parameters& p, const std::string& L, const SubdivisionOptions& o) {
  const interval Li = constant<interval>(L);
  if (certainly_positive(Li) != Tribool::yes) {
    throw std::invalid_argument("certify_nonsingular: L = " + L + " must be > 0 (range (0, inf))");
  }
  NonsingularReport r;
  const Hyper<interval> hi = hyper_in<interval>(p);
  const auto det_i = [&](const interval& l) { return closed_determinant(p.method, hi, l); };
  std::optional<Hyper<rational>> hq;
  std::optional<rational> Lq;
  if (p.rational()) {
    try {
      Lq = constant<rational>(L);
      hq = hyper_in<rational>(p);
    } catch (const std::exception&) {
      Lq.reset();
    }
  }
  std::function<rational(const rational&)> det_q;
  if (Lq && hq) det_q = [&](const rational& l) { return closed_determinant(p.method, *hq, l); };
  // The interval route covers the enclosure of [-L, L] (outward when L is irrational).
  const rational lo = Lq ? rational(-*Lq) : rational(-upper_rational(Li));
  const rational hi_end = Lq ? *Lq : upper_rational(Li);
  r.interval_route = certify_nonzero_by_subdivision(det_i, det_q, lo, hi_end, o);
  r.verdict = r.interval_route;
  if (det_q) {
    r.exact_route = certify_nonzero_affine(det_q, lo, hi_end);
    if (r.interval_route.holds != Tribool::undecided && r.interval_route.holds != r.exact_route->holds) {
      throw std::logic_error("certify_nonsingular: the interval and exact routes disagree (" +
                             std::string(ov::to_string(r.interval_route.holds)) + " vs " +
                             ov::to_string(r.exact_route->holds) + ")");
    }
    r.verdict = *r.exact_route;
  } else if (!Lq && r.verdict.holds == Tribool::no) {
    // L is irrational: the pieces cover an outward enclosure of [-L, L], so a zero found
    // there may lie just outside [-L, L]; only `yes` transfers.
    r.verdict.holds = Tribool::undecided;
    r.verdict.witness = *r.verdict.witness + " (on the outward enclosure of [-L, L]; not a proof for [-L, L])";
  }
  return r;
}

}  // namespace ov::spectra
