// Adaptive SAM (ASAM, Kwon et al. 2021), 004 §7.3 eqs (57)-(58): the ball of (49)
// is measured after a normalisation T_w^{-1}, max_{||T_w^{-1} eps||_p <= rho}.
// The document gives neither T_w nor an update rule (seed-003-004-sgd-survey.md
// §1.13, errata 21). [EXT, Kwon et al. and their public code (SamsungLabs/ASAM)]:
// element-wise T_w = diag(|w_i| + eta). The first-order maximiser, as 004 (52) for
// SAM: with eps = T_w delta, <g, eps> = <T_w g, delta> and ||T_w^{-1} eps||_p =
// ||delta||_p, so [DERIVED]
//
//   eps = T_w * lp_ball_maximiser(T_w g, rho, p)   (elementwise product)
//   p = 2:  eps = rho T_w^2 g / ||T_w g||_2       (Kwon et al.'s rule)
//
// followed by the SAM descent w1 = w - lr (grad L(w + eps) + 2 lambda w) (sam.hpp).
// A coordinate with T_i = 0 (eta = 0, w_i = 0) gets eps_i = 0 (the limit of the
// constraint). Kwon et al.'s code normalises only tensors named "weight" (biases
// get T = 1); we normalise every coordinate. Their code adds 1e-16 to the norm; we
// use the exact zero-gradient guard of lp_ball_perturbation.hpp instead.
//
// Defaults [EXT, the ASAM code]: rho = 1/2, eta = 1/100; lr = 1/100, lambda = 0,
// p = 2 as sam.hpp. Ranges: rho >= 0, eta >= 0, lr > 0, lambda >= 0, p in [1, inf].
// Scale invariance (004, derivation after (58)) holds when the scaling A is a
// symmetry of L (L(A w) = L(w)), which the document does not say (errata 21).
#pragma once

#include <string>
#include <vector>

#include "optim/rules/sam.hpp"

namespace ov::optim {

template <class S>
struct AsamOptions {
  SamOptions<S> sam{ops::ratio<S>(1, 100), ops::ratio<S>(1, 2), S(0), LpExponent<S>::finite(S(2))};
  S eta = ops::ratio<S>(1, 100);
};

// The ASAM perturbation T_w * epsilon*(T_w g) with T_w = |w| + eta.
template <class S>
Vector<S> asam_perturbation(const Vector<S>& w, const Vector<S>& g, const S& rho, const S& eta,
                            const LpExponent<S>& p) {
  Vector<S> t(w.size());
  for (Eigen::Index i = 0; i < w.size(); ++i) t[i] = ops::abs(w[i]) + eta;
  const Vector<S> tg = t.cwiseProduct(g);
  const Vector<S> delta = lp_ball_maximiser(tg, rho, p);
  return t.cwiseProduct(delta);
}

template <class S>
class Asam : public Optimizer<S> {
 public:
  explicit Asam(const AsamOptions<S>& o = {}) : o_(o) {
    require_sam_options("asam", o_.sam);
    require_nonnegative("asam", "eta", o_.eta);
    c_ = {o_.sam.lr, S(2) * o_.sam.lambda};
  }

  std::string name() const override { return "asam"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    auto h = sam_hyperparameters(o_.sam);
    h.push_back({"eta", ops::to_string(o_.eta)});
    return h;
  }
  const AsamOptions<S>& options() const { return o_; }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    const Vector<S> g = f.gradient(x);
    if (!all_finite(g)) {
      return sam_detail::refuse<S>(StepStatus::refused_non_finite_gradient, "asam", "the gradient is not finite");
    }
    Vector<S> eps;
    try {
      eps = asam_perturbation(x, g, o_.sam.rho, o_.eta, o_.sam.p);
    } catch (const std::domain_error& e) {  // e.g. an irrational norm in exact arithmetic
      return sam_detail::refuse<S>(StepStatus::refused_undefined, "asam", e.what());
    }
    return sam_detail::descend<S>("asam", x, g, eps, c_, x1_, [&f](const Vector<S>& w) { return f.gradient(w); });
  }
  void reset() override {}

 private:
  AsamOptions<S> o_;
  sam_detail::DescentConstants<S> c_;
  Vector<S> x1_;
};

}  // namespace ov::optim
