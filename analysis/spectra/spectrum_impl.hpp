// compute_spectrum_in<T>: include only from spectrum_<precision>.cpp.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "analysis/autodiff/forward_mode.hpp"
#include "analysis/numeric/decompositions.hpp"
#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/spectra/closed_forms.hpp"
#include "analysis/spectra/determinant_check.hpp"
#include "analysis/spectra/eigensystem.hpp"
#include "analysis/spectra/enclosure.hpp"
#include "analysis/spectra/modes.hpp"
#include "analysis/spectra/spectrum.hpp"
#include "analysis/spectra/step_maps.hpp"

namespace ov::spectra {

namespace spectrum_detail {

using nlohmann::json;

template <class T>
std::string str(const T& x) {
  return ov::to_string(x);
}

template <class T>
json eigen_json(const T& re, const T& im) {
  using std::sqrt;
  return {{"re", str(re)}, {"im", str(im)}, {"modulus", str(T(sqrt(re * re + im * im)))}};
}

inline json box_json(const ComplexBox& b) { return {{"re", outward_json(b.re)}, {"im", outward_json(b.im)}}; }

// Greedy matching of numeric eigenvalues to closed-form ones; the largest distance.
template <class T>
T max_match_distance(std::vector<std::complex<T>> numeric, std::vector<std::complex<T>> closed) {
  using std::abs;
  T worst(0);
  for (const auto& c : closed) {
    std::size_t best = 0;
    T bd = std::numeric_limits<T>::infinity();
    for (std::size_t k = 0; k < numeric.size(); ++k) {
      const T d = abs(numeric[k] - c);
      if (d < bd) {
        bd = d;
        best = k;
      }
    }
    if (numeric.empty()) return std::numeric_limits<T>::infinity();
    worst = std::max(worst, bd);
    numeric.erase(numeric.begin() + static_cast<long>(best));
  }
  return worst;
}

// Certified stability from an enclosure of one block's eigenvalues.
inline const char* certified_stability(Method m, const EigenPair<interval>& e) {
  bool all_stable = true, some_unstable = false;
  for (int k = 0; k < e.count; ++k) {
    if (is_continuous(m)) {
      if (certainly_negative(e.re[k]) != Tribool::yes) all_stable = false;
      if (certainly_positive(e.re[k]) == Tribool::yes) some_unstable = true;
    } else {
      const interval r2 = e.re[k] * e.re[k] + e.im[k] * e.im[k];
      if (certainly_less(r2, interval(1)) != Tribool::yes) all_stable = false;
      if (certainly_greater(r2, interval(1)) == Tribool::yes) some_unstable = true;
    }
  }
  return all_stable ? "stable" : (some_unstable ? "unstable" : "undecided");
}

}  // namespace spectrum_detail

template <class T>
nlohmann::json compute_spectrum_in(const SpectrumRequest& r) {
  using namespace spectrum_detail;
  using std::abs;
  using std::sqrt;
  const Parameters& P = r.params;
  const Method m = P.method;
  const Hyper<T> h = hyper_in<T>(P);
  const bool problem_mode = !r.problem.empty();

  json out;
  out["method"] = to_string(m);
  out["precision"] = std::string(scalar_name<T>());
  json params = json::object();
  if (!P.alpha.empty()) params["alpha"] = P.alpha;
  if (!P.beta.empty()) params[m == Method::hb || m == Method::nag ? "beta (momentum)" : "beta"] = P.beta;
  if (!P.gamma.empty()) params["gamma"] = P.gamma;
  out["parameters"] = params;

  // ---- Hessian eigenvalues and the Jacobian by autodiff
  std::vector<T> lambdas;
  std::vector<std::string> lambda_text;
  Mat<T> J;
  std::optional<problems::Problem> prob;
  std::string L_text, L_source;
  if (problem_mode) {
    prob = problems::make_problem(r.problem);
    const auto s = prob->info().smoothness;
    if (s != problems::Smoothness::c2 && s != problems::Smoothness::analytic) {
      throw std::invalid_argument("--problem " + r.problem + ": the problem is " + problems::to_string(s) +
                                  ", its Hessian does not exist everywhere (spectra need C2)");
    }
    const auto& e = prob->in<T>();
    const Vec<T> x = prob->point<T>(r.at);
    const Vec<T> ev = symmetric_eigenvalues(e.hessian(x));
    for (Eigen::Index i = ev.size() - 1; i >= 0; --i) lambdas.push_back(ev[i]);
    for (const auto& l : lambdas) lambda_text.push_back(str(l));
    const auto map = make_step_map(m, h, LinearizedGradient<T>{&e}, prob->dim());
    J = ad::jacobian(map, state_at(m, h, x));
    out["name"] = std::string(to_string(m)) + " on " + r.problem + " at (" + [&] {
      std::string s2;
      for (const auto& c : r.at) s2 += (s2.empty() ? "" : ",") + c;
      return s2;
    }() + ")";
    out["problem"] = r.problem;
    out["at"] = r.at;
    if (prob->info().lipschitz) {
      L_text = *prob->info().lipschitz;
      L_source = "the problem's global Lipschitz constant of grad f";
    }
  } else {
    const int n = static_cast<int>(r.lambdas.size());
    QuadraticGradient<T> g{Mat<T>::Zero(n, n)};
    for (int i = 0; i < n; ++i) {
      lambdas.push_back(constant<T>(r.lambdas[i]));
      lambda_text.push_back(r.lambdas[i]);
      g.H(i, i) = lambdas.back();
    }
    const auto map = make_step_map(m, h, g, n);
    J = ad::jacobian(map, state_at(m, h, Vec<T>(Vec<T>::Zero(n))));
    std::string s2;
    for (const auto& l : r.lambdas) s2 += (s2.empty() ? "" : ",") + l;
    out["name"] = std::string(to_string(m)) + " at lambda = " + s2;
  }
  out["hessian_eigenvalues"] = lambda_text;
  if (r.lipschitz) {
    L_text = *r.lipschitz;
    L_source = "--lipschitz";
  }
  if (L_text.empty()) {  // max |lambda|: the eigenvalues given (or of the Hessian at the point)
    std::size_t k = 0;
    for (std::size_t i = 1; i < lambdas.size(); ++i)
      if (abs(lambdas[i]) > abs(lambdas[k])) k = i;
    L_text = problem_mode ? str(T(abs(lambdas[k]))) : (lambda_text[k][0] == '-' ? lambda_text[k].substr(1) : lambda_text[k]);
    L_source = problem_mode ? "||Hess f(x)||_2 at the point (local, not a global constant; pass --lipschitz)"
                            : "max |lambda| of the eigenvalues given (pass --lipschitz for a global constant)";
  }

  // ---- numeric eigenvalues of the autodiff Jacobian
  const Eigensystem<T> es = eigensystem<T>(J);
  json eig = json::array();
  std::vector<std::complex<T>> numeric;
  for (Eigen::Index k = 0; k < es.values.size(); ++k) {
    eig.push_back(eigen_json(es.values[k].real(), es.values[k].imag()));
    numeric.push_back(es.values[k]);
  }
  out["eigenvalues"] = eig;

  // ---- closed forms per lambda
  json modes = json::array();
  std::vector<std::complex<T>> closed;
  const Hyper<interval> hi = hyper_in<interval>(P);
  const bool band_method = m == Method::inna || m == Method::din;
  std::optional<std::array<T, 2>> band;
  if (band_method) band = complex_band(h.alpha, h.beta);
  for (std::size_t i = 0; i < lambdas.size(); ++i) {
    const EigenPair<T> e = closed_form(m, h, lambdas[i]);
    const ModeClass<T> c = classify(m, e);
    json mj;
    mj["lambda"] = lambda_text[i];
    json ej = json::array();
    for (int k = 0; k < e.count; ++k) {
      ej.push_back(eigen_json(e.re[k], e.im[k]));
      closed.emplace_back(e.re[k], e.im[k]);
    }
    mj["eigenvalues"] = ej;
    mj["stability"] = to_string(c.stability);
    mj["spiral"] = c.spiral;
    mj[is_continuous(m) ? "spectral_abscissa" : "spectral_radius"] = str(c.radius);
    mj["omega"] = str(c.omega);
    mj["decay_rate"] = str(c.decay_rate);
    if (band_method) mj["in_complex_band"] = band && lambdas[i] >= (*band)[0] && lambdas[i] <= (*band)[1];
    if (r.certify) {
      // Enclosure of the block's eigenvalues from its entries (interval quadratic formula),
      // and of the thesis's closed form; they must overlap.
      interval li = problem_mode ? interval(mp50(lambdas[i])) : constant<interval>(lambda_text[i]);
      if (problem_mode) {
        // lambda itself is only approximate here (mp eigenvalue of Hess f(x)); the
        // certified statement is about the Jacobian enclosures below.
        mj["enclosure_note"] = "lambda is an approximate Hessian eigenvalue; per-mode enclosures are for that value";
      }
      const EigenPair<interval> be = block_eigenvalues(block_matrix(m, hi, li));
      const EigenPair<interval> ce = closed_form(m, hi, li);
      json encl = json::array();
      bool consistent = true;
      for (int k = 0; k < be.count; ++k) {
        encl.push_back(box_json({be.re[k], be.im[k]}));
        bool any = false;
        for (int q = 0; q < ce.count; ++q) any = any || overlaps({be.re[k], be.im[k]}, {ce.re[q], ce.im[q]});
        consistent = consistent && any;
      }
      mj["enclosures"] = encl;
      mj["closed_form_inside_enclosure"] = consistent;
      mj["stability_certified"] = certified_stability(m, be);
    }
    modes.push_back(mj);
  }
  out["modes"] = modes;

  // ---- agreement of autodiff eigenvalues with the closed forms
  {
    using std::pow;
    // Tolerance: a simple eigenvalue of J is perturbed by O(eps ||J||) rounding
    // (backward-stable Schur form), but a double root (lambda on the edge of the complex
    // band, x-+) only by O(sqrt(eps ||J||)); sqrt(eps) max(1, ||J||_max) covers both.
    T scale(1);
    for (Eigen::Index a = 0; a < J.rows(); ++a)
      for (Eigen::Index b = 0; b < J.cols(); ++b) scale = std::max(scale, T(abs(J(a, b))));
    const T tol = T(sqrt(std::numeric_limits<T>::epsilon())) * scale;
    const T dist = max_match_distance(numeric, closed);
    out["autodiff_vs_closed_form"] = {{"max_distance", str(dist)}, {"tolerance", str(tol)}, {"agree", dist <= tol}};
  }

  // ---- band, step bound
  if (band_method) {
    out["complex_band"] = band ? json{{"x_minus", str((*band)[0])}, {"x_plus", str((*band)[1])}} : json(nullptr);
    out["complex_band_note"] = band ? "Lemma 3.6: complex eigenvalues (spirals) iff lambda in [x-, x+]"
                                    : "alpha beta > 1: every eigenvalue is real (Lemma 3.6)";
  }
  const T L = constant<T>(L_text);
  if (m == Method::inna) {
    if (!(L > T(0))) throw std::invalid_argument("L = " + L_text + " must be > 0 for the step bound (3.20)");
    const StepBound<T> b = inna_step_bound(h.alpha, h.beta, L);
    out["step_bound"] = {{"L", L_text},
                         {"L_source", L_source},
                         {"value", str(b.value)},
                         {"formula", b.formula ? json(str(*b.formula)) : json(nullptr)},
                         {"radicand", str(b.radicand)},
                         {"fallback_beta", b.fallback},
                         {"gamma_below_bound", h.gamma < b.value},
                         {"source", "002_dc929347c6f8ce02.txt §3.4, (3.20); fallback: guide §4.6 item 2"}};
  }

  // ---- certification
  out["certified"] = false;
  out["enclosures"] = nullptr;
  if (r.certify) {
    if (L > T(0)) {
      const NonsingularReport nr = certify_nonsingular(P, L_text);
      auto vj = [](const NonsingularVerdict& v) {
        return json{{"holds", ov::to_string(v.holds)}, {"route", v.route}, {"argument", v.argument},
                    {"witness", v.witness ? json(*v.witness) : json(nullptr)}, {"pieces", v.pieces},
                    {"undecided_pieces", v.undecided_pieces}};
      };
      out["det_nonzero_on_L"] = {{"L", L_text}, {"L_source", L_source}, {"verdict", vj(nr.verdict)},
                                 {"interval_route", vj(nr.interval_route)},
                                 {"exact_route", nr.exact_route ? vj(*nr.exact_route) : json(nullptr)},
                                 {"statement", "det Jac != 0 for every Hessian eigenvalue lambda in [-L, L] "
                                               "(Theorem 3.12 hypothesis; (3.39))"}};
    }
    try {
      const Mat<interval> JI = problem_mode ? interval_jacobian_problem(P, *prob, r.at)
                                            : interval_jacobian_quadratic(P, r.lambdas);
      const EigenEnclosures enc = enclose_eigenvalues(JI, to_interval(es));
      out["certified"] = enc.certified;
      out["enclosure_argument"] = enc.argument;
      if (enc.certified) {
        json boxes = json::array();
        for (std::size_t k = 0; k < enc.boxes.size(); ++k) {
          json b = box_json(enc.boxes[k]);
          b["isolated"] = static_cast<bool>(enc.isolated[k]);
          boxes.push_back(b);
        }
        out["enclosures"] = boxes;
      } else {
        out["not_certified_reason"] = enc.reason;
      }
    } catch (const std::runtime_error& e) {
      out["not_certified_reason"] = e.what();
    }
  }

  // ---- plot series (complex plane; the renderer adds the unit circle)
  json xs = json::array(), ys = json::array();
  for (const auto& z : numeric) {
    xs.push_back(static_cast<double>(z.real()));
    ys.push_back(static_cast<double>(z.imag()));
  }
  out["series"] = json::array({{{"name", "Jacobian eigenvalues"}, {"kind", "spectrum"}, {"x", xs}, {"y", ys},
                                {"role", "measured"}, {"x_label", "Re"}, {"y_label", "Im"}, {"log_x", false},
                                {"log_y", false}, {"plot", out["name"]}}});
  out["source"] = "002_dc929347c6f8ce02.txt §3.3-3.4: (3.5)/(3.8)-(3.14) DIN, (3.19)-(3.31) INNA, (3.20) step bound";
  return out;
}

}  // namespace ov::spectra

#define OPTVERIFY_INSTANTIATE_SPECTRUM(T) \
  template nlohmann::json ov::spectra::compute_spectrum_in<T>(const ov::spectra::SpectrumRequest&);
