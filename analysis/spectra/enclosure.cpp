#include "analysis/spectra/enclosure.hpp"

#include <boost/multiprecision/mpfi.hpp>
#include <numeric>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/predicates.hpp"
#include "analysis/numeric/string_io.hpp"

namespace ov::spectra {

namespace {

using CMat = std::pair<Mat<interval>, Mat<interval>>;  // (re, im)

CMat mul(const Mat<interval>& ar, const Mat<interval>& ai, const Mat<interval>& br, const Mat<interval>& bi) {
  return {Mat<interval>(ar * br - ai * bi), Mat<interval>(ar * bi + ai * br)};
}

// An interval enclosing [0, |z|] upper: the magnitude of a complex interval entry.
interval magnitude(const interval& re, const interval& im) {
  const interval m = ov::num::sqrt(interval(re * re + im * im));
  return interval(upper(m));
}

bool finite(const interval& x) {
  return boost::multiprecision::isfinite(lower(x)) && boost::multiprecision::isfinite(upper(x));
}

interval inf_norm_upper(const Mat<interval>& r, const Mat<interval>& i) {
  interval best(0);
  for (Eigen::Index a = 0; a < r.rows(); ++a) {
    interval s(0);
    for (Eigen::Index b = 0; b < r.cols(); ++b) s += magnitude(r(a, b), i(a, b));
    if (upper(s) > upper(best)) best = interval(upper(s));
  }
  return best;
}

bool disjoint(const ComplexBox& a, const ComplexBox& b) {
  return upper(a.re) < lower(b.re) || upper(b.re) < lower(a.re) || upper(a.im) < lower(b.im) ||
         upper(b.im) < lower(a.im);
}

ComplexBox hull(const ComplexBox& a, const ComplexBox& b) {
  return {interval(lower(a.re) < lower(b.re) ? lower(a.re) : lower(b.re),
                   upper(a.re) > upper(b.re) ? upper(a.re) : upper(b.re)),
          interval(lower(a.im) < lower(b.im) ? lower(a.im) : lower(b.im),
                   upper(a.im) > upper(b.im) ? upper(a.im) : upper(b.im))};
}

const char* kArgument =
    "V~^{-1} A V~ = L~ + F with F = V~^{-1}(A V~ - V~ L~) enclosed in MPFI (V~^{-1} enclosed by a Neumann-series "
    "bound on I - X V~); Gershgorin's theorem on L~ + F: every eigenvalue lies in a disc around l~_i + F_ii of "
    "radius sum_{j!=i} |F_ij|, and a group of discs disjoint from the rest holds as many eigenvalues as discs";

}  // namespace

EigenEnclosures enclose_eigenvalues(const Mat<interval>& A, const ApproxEigen& ap) {
  const Eigen::Index n = A.rows();
  EigenEnclosures out;
  out.argument = kArgument;
  if (A.cols() != n || ap.lr.size() != n || ap.Vr.rows() != n || ap.Xr.rows() != n) {
    throw std::invalid_argument("enclose_eigenvalues: A and the approximate eigensystem must have matching sizes");
  }
  // E = I - X V~
  CMat XV = mul(ap.Xr, ap.Xi, ap.Vr, ap.Vi);
  Mat<interval> Er = Mat<interval>::Identity(n, n) - XV.first;
  Mat<interval> Ei = -XV.second;
  const interval e = inf_norm_upper(Er, Ei);
  out.inverse_defect = ov::to_string(upper(e).convert_to<double>());
  if (!finite(e) || !(upper(e) < 1)) {
    out.reason = "the approximate eigenvector matrix is numerically singular (||I - X V~||_inf = " +
                 out.inverse_defect + " >= 1): the matrix may be defective; no enclosure";
    return out;
  }
  const interval delta_i = inf_norm_upper(ap.Xr, ap.Xi) * e / (interval(1) - e);
  const interval widen(-upper(delta_i), upper(delta_i));
  Mat<interval> Wr = ap.Xr, Wi = ap.Xi;
  for (Eigen::Index a = 0; a < n; ++a)
    for (Eigen::Index b = 0; b < n; ++b) {
      Wr(a, b) += widen;
      Wi(a, b) += widen;
    }
  // R = A V~ - V~ L~ ; F = W R
  Mat<interval> Rr = A * ap.Vr, Ri = A * ap.Vi;
  for (Eigen::Index a = 0; a < n; ++a)
    for (Eigen::Index b = 0; b < n; ++b) {
      // (V~ L~)_ab = V_ab l_b
      Rr(a, b) -= ap.Vr(a, b) * ap.lr[b] - ap.Vi(a, b) * ap.li[b];
      Ri(a, b) -= ap.Vr(a, b) * ap.li[b] + ap.Vi(a, b) * ap.lr[b];
    }
  const CMat F = mul(Wr, Wi, Rr, Ri);
  std::vector<ComplexBox> boxes(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    interval r(0);
    for (Eigen::Index j = 0; j < n; ++j)
      if (j != i) r += magnitude(F.first(i, j), F.second(i, j));
    const interval rad(-upper(r), upper(r));
    boxes[i] = {interval(ap.lr[i] + F.first(i, i) + rad), interval(ap.li[i] + F.second(i, i) + rad)};
    if (!finite(boxes[i].re) || !finite(boxes[i].im)) {
      out.reason = "an enclosure is not finite";
      return out;
    }
  }
  // Groups of overlapping boxes (union-find).
  std::vector<Eigen::Index> parent(n);
  std::iota(parent.begin(), parent.end(), Eigen::Index(0));
  const auto find = [&](Eigen::Index x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = i + 1; j < n; ++j)
      if (!disjoint(boxes[i], boxes[j])) parent[find(i)] = find(j);
  std::vector<ComplexBox> group_hull(n);
  std::vector<int> group_size(n, 0);
  for (Eigen::Index i = 0; i < n; ++i) {
    const Eigen::Index g = find(i);
    group_hull[g] = group_size[g] == 0 ? boxes[i] : hull(group_hull[g], boxes[i]);
    ++group_size[g];
  }
  out.boxes.resize(n);
  out.isolated.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const Eigen::Index g = find(i);
    out.isolated[i] = group_size[g] == 1;
    out.boxes[i] = group_hull[g];
  }
  out.certified = true;
  return out;
}

bool overlaps(const ComplexBox& a, const ComplexBox& b) { return !disjoint(a, b); }

}  // namespace ov::spectra
